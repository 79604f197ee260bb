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

    /** "ownerId" reads "Owner" (people pick an owner, not an id); "steps[0].delayMinutes" "Step 1, delay minutes". */
    static String field(String name) {
        var parts = new java.util.ArrayList<String>();
        for (String part : name.split("\\.")) {
            var indexed = java.util.regex.Pattern.compile("(.*?)\\[(\\d+)]$|(.*?[a-zA-Z])(\\d+)$")
                    .matcher(part);
            if (indexed.matches()) {
                boolean bracket = indexed.group(1) != null;
                String word = words(bracket ? indexed.group(1) : indexed.group(3));
                int position = Integer.parseInt(bracket ? indexed.group(2) : indexed.group(4)) + 1;
                parts.add(singular(word) + " " + position);
            } else {
                parts.add(words(part));
            }
        }
        String words = String.join(", ", parts);
        return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String singular(String word) {
        if (word.endsWith("sses")) return word.substring(0, word.length() - 2);
        if (word.endsWith("ies")) return word.substring(0, word.length() - 3) + "y";
        if (word.endsWith("s") && !word.endsWith("ss")) return word.substring(0, word.length() - 1);
        return word;
    }

    private static String words(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(java.util.Locale.ROOT)
                .replaceFirst("(^| )id$", "")
                .strip();
    }
}
