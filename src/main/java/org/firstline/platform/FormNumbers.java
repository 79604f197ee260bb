package org.firstline.platform;

import org.jspecify.annotations.Nullable;

/** Numbers typed into page forms: an empty field is no value; anything else is a whole number or a refusal. */
public final class FormNumbers {
    private FormNumbers() {}

    /** Empty → null; else a whole number from {@code min} to {@code max}, or a refusal naming the field. */
    public static @Nullable Long optional(String field, @Nullable String value, long min, long max) {
        if (value == null || value.isBlank()) return null;
        long n;
        try {
            n = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(field, "is not a whole number");
        }
        if (n < min || n > max) throw new InvalidRequestException(field, "must be from " + min + " to " + max);
        return n;
    }

    /** An id (or other positive whole number) that fits an int column too. */
    public static @Nullable Integer optionalInt(String field, @Nullable String value) {
        Long n = optional(field, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        return n == null ? null : n.intValue();
    }
}
