package org.firstline.platform.internal;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says what is wrong with a JSON body in the API's words: the field and what it should be, the line and column of a
 * syntax error; never Jackson's own message, which names Java types and library limits.
 */
public final class JsonBodyProblems {
    private JsonBodyProblems() {}

    public static ProblemDetail describe(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return ApiExceptionHandler.problem(
                    HttpStatus.BAD_REQUEST,
                    "Unknown field '" + field + "'.",
                    List.of(new ApiExceptionHandler.FieldProblem(field, "is not a known field")));
        }
        if (cause instanceof InvalidFormatException text
                && StorableTextDeserializer.REFUSAL.equals(text.getOriginalMessage())
                && !text.getPath().isEmpty()) {
            String field = path(text);
            return fieldProblem(field, text.getOriginalMessage());
        }
        if (cause instanceof InvalidFormatException format
                && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            String field = path(format);
            String message = "must be one of " + constants(format.getTargetType());
            return fieldProblem(field, message);
        }
        if (cause instanceof MismatchedInputException time
                && !time.getPath().isEmpty()
                && example(time.getTargetType()) != null) {
            String field = path(time);
            String message = "is not " + example(time.getTargetType());
            return fieldProblem(field, message);
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            return fieldProblem(field, "has the wrong type");
        }
        if (cause instanceof InputCoercionException number) {
            String field = number.processor() == null ? null : currentName(number);
            return ApiExceptionHandler.problem(
                    HttpStatus.BAD_REQUEST,
                    (field == null ? "A number" : "Field '" + field + "'") + " is out of range" + at(number) + ".",
                    field == null
                            ? List.of()
                            : List.of(new ApiExceptionHandler.FieldProblem(field, "is out of range")));
        }
        if (cause instanceof StreamConstraintsException) {
            return ApiExceptionHandler.problem(
                    HttpStatus.BAD_REQUEST,
                    "The body has a value that is too long, too large or nested too deeply.",
                    List.of());
        }
        if (cause instanceof StreamReadException read
                && read.getMessage() != null
                && read.getMessage().startsWith("Duplicate")) {
            return ApiExceptionHandler.problem(
                    HttpStatus.BAD_REQUEST, "The body names a field twice" + at(read) + ".", List.of());
        }
        if (cause instanceof StreamReadException read) {
            return ApiExceptionHandler.problem(
                    HttpStatus.BAD_REQUEST, "The body is not valid JSON" + at(read) + ".", List.of());
        }
        if (cause instanceof MismatchedInputException) {
            return ApiExceptionHandler.problem(
                    HttpStatus.BAD_REQUEST, "The body must be a JSON object with the documented fields.", List.of());
        }
        return ApiExceptionHandler.problem(
                HttpStatus.BAD_REQUEST, "The request body is missing or unreadable.", List.of());
    }

    /** What a date or time field looks like, for the types the API takes; null for any other type. */
    private static @Nullable String example(@Nullable Class<?> type) {
        if (type == null) return null;
        if (type == java.time.Instant.class
                || type == java.time.OffsetDateTime.class
                || type == java.time.ZonedDateTime.class) {
            return "a date-time like 2026-12-01T10:00:00Z";
        }
        if (type == java.time.LocalDateTime.class) return "a date-time like 2026-12-01T10:00:00";
        if (type == java.time.LocalDate.class) return "a date like 2026-12-01";
        if (type == java.time.LocalTime.class) return "a time like 09:30";
        if (type == java.time.Duration.class) return "a duration like PT30M";
        if (type == java.time.ZoneId.class) return "a time zone like Europe/Berlin";
        return null;
    }

    /**
     * The Jackson error nearest the request, rather than its root cause: a date Jackson could not parse ends in
     * the JDK's DateTimeParseException, which knows neither the field nor the path.
     */
    static Throwable jsonCause(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof JacksonException) return t;
        }
        return e;
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static @Nullable String currentName(InputCoercionException e) {
        try {
            return ((tools.jackson.core.JsonParser) e.processor())
                    .streamReadContext()
                    .currentName();
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    static String constants(Class<?> type) {
        return Arrays.toString(type.getEnumConstants());
    }

    private static String at(StreamReadException e) {
        var where = e.getLocation();
        return where == null || where.getLineNr() < 1
                ? ""
                : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    }

    /** "Field 'x' is …" for the reader, with the field named for a program. */
    private static ProblemDetail fieldProblem(String field, String message) {
        return ApiExceptionHandler.problem(
                HttpStatus.BAD_REQUEST,
                "Field '" + field + "' " + message + ".",
                List.of(new ApiExceptionHandler.FieldProblem(field, message)));
    }
}
