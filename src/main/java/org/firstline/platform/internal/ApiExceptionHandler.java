package org.firstline.platform.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every API error as RFC 9457 problem+json; field problems listed under {@code errors}. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    record FieldProblem(String field, String message) {}

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), List.of());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Your role does not allow this.", List.of());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail validation(MethodArgumentNotValidException e) {
        var errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields.", errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail parameterValidation(HandlerMethodValidationException e) {
        var errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new FieldProblem(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "The request has invalid parameters.", errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = e.getRequiredType() != null && e.getRequiredType().isEnum()
                ? "must be one of " + constants(e.getRequiredType())
                : "is not a valid value";
        return problem(HttpStatus.BAD_REQUEST, "Parameter '" + e.getName() + "' " + message + ".",
                List.of(new FieldProblem(e.getName(), message)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), List.of(new FieldProblem(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ProblemDetail missingHeader(MissingRequestHeaderException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), List.of(new FieldProblem(e.getHeaderName(), "is required")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage(), List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "No such resource: /" + e.getResourcePath(), List.of());
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "The upload is larger than the attachment size limit.", List.of());
    }

    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ProblemDetail constraints(jakarta.validation.ConstraintViolationException e) {
        var errors = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields.", errors);
    }

    @ExceptionHandler(JacksonException.class)
    ProblemDetail unmappable(JacksonException e) {
        return describe(e);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return describe(e.getMostSpecificCause());
    }

    private ProblemDetail describe(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return problem(HttpStatus.BAD_REQUEST, "Unknown field '" + field + "'.",
                    List.of(new FieldProblem(field, "is not a known field")));
        }
        if (cause instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            String field = path(format);
            String message = "must be one of " + constants(format.getTargetType());
            return problem(HttpStatus.BAD_REQUEST, "Field '" + field + "' " + message + ".", List.of(new FieldProblem(field, message)));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            return problem(HttpStatus.BAD_REQUEST, "Field '" + field + "' has the wrong type.",
                    List.of(new FieldProblem(field, "has the wrong type")));
        }
        if (cause instanceof StreamReadException || cause instanceof JacksonException) {
            return problem(HttpStatus.BAD_REQUEST, "The body is not valid JSON: " + firstLine(cause.getMessage()), List.of());
        }
        return problem(HttpStatus.BAD_REQUEST, "The request body is missing or unreadable.", List.of());
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String constants(Class<?> type) {
        return Arrays.toString(type.getEnumConstants());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    static ProblemDetail problem(HttpStatus status, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (!errors.isEmpty()) {
            List<Map<String, String>> list = new ArrayList<>();
            errors.forEach(f -> list.add(Map.of("field", f.field(), "message", f.message())));
            problem.setProperty("errors", list);
        }
        return problem;
    }
}
