package org.firstline.ticketform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** What was typed into the form, tidied, and what is wrong with it, field by field. */
record FormInput(String name, String email, String subject, String description) {
    static final int MAX_NAME = 200;
    static final int MAX_SUBJECT = 200;
    static final int MAX_DESCRIPTION = 20_000;
    private static final Pattern EMAIL = Pattern.compile(
            "^[^\\s@<>()\\[\\],;:\"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$");

    static FormInput of(
            @Nullable String name, @Nullable String email, @Nullable String subject, @Nullable String description) {
        return new FormInput(
                oneLine(name), oneLine(email), oneLine(subject), description == null ? "" : description.strip());
    }

    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (name.isEmpty()) problems.put("name", "Please give your name.");
        else if (name.length() > MAX_NAME) problems.put("name", "At most " + MAX_NAME + " characters, please.");
        if (email.isEmpty()) problems.put("email", "Please give your email address: we send a link to confirm it.");
        else if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
            problems.put("email", "This does not look like an email address.");
        }
        if (subject.isEmpty()) problems.put("subject", "Please say in a few words what it is about.");
        else if (subject.length() > MAX_SUBJECT) {
            problems.put("subject", "At most " + MAX_SUBJECT + " characters, please; the rest can go below.");
        }
        if (description.isEmpty()) problems.put("description", "Please describe what happened.");
        else if (description.length() > MAX_DESCRIPTION) {
            problems.put("description", "At most " + MAX_DESCRIPTION + " characters, please.");
        }
        return problems;
    }

    static String oneLine(@Nullable String value) {
        return value == null ? "" : value.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
    }

    /** The view id when the value is one, else nothing: counts never trust the page blindly. */
    static @Nullable UUID view(@Nullable String value) {
        if (value == null || value.length() != 36) return null;
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
