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
final class JsonBodyProblems {
    private JsonBodyProblems() {}

    static ProblemDetail describe(Throwable cause) {
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
            return ApiExceptionHandler.problem(
                    HttpStatus.BAD_REQUEST,
                    "Field '" + field + "' " + text.getOriginalMessage() + ".",
                    List.of(new ApiExceptionHandler.FieldProblem(field, text.getOriginalMessage())));
        }
        if (cause instanceof InvalidFormatException format
                && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            String field = path(format);
            String message = "must be one of " + constants(format.getTargetType());
            return ApiExceptionHandler.problem(
                    HttpStatus.BAD_REQUEST,
                    "Field '" + field + "' " + message + ".",
                    List.of(new ApiExceptionHandler.FieldProblem(field, message)));
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            return ApiExceptionHandler.problem(
                    HttpStatus.BAD_REQUEST,
                    "Field '" + field + "' has the wrong type.",
                    List.of(new ApiExceptionHandler.FieldProblem(field, "has the wrong type")));
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
}
