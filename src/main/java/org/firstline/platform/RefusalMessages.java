package org.firstline.platform;

/** A refusal as a sentence for a page: the field in words, then why ("Owner id Maya is not a member of team 3"). */
public final class RefusalMessages {
    private RefusalMessages() {}

    public static String of(RuntimeException refusal) {
        if (refusal instanceof InvalidRequestException invalid
                && invalid.field() != null
                && !invalid.field().isBlank()) {
            return field(invalid.field()) + " " + invalid.getMessage();
        }
        return java.util.Objects.requireNonNullElse(refusal.getMessage(), "The request was refused.");
    }

    private static String field(String name) {
        // "ownerId" reads "Owner": people pick an owner, not an id
        String words = name.replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(java.util.Locale.ROOT)
                .replaceFirst(" id$", "");
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
