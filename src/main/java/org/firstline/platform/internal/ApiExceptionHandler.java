package org.firstline.platform.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
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

/** Every API error as RFC 9457 problem+json; field problems listed under {@code errors}. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiExceptionHandler.class);

    record FieldProblem(String field, String message) {}

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), List.of());
    }

    @ExceptionHandler(org.firstline.platform.UnprocessableRequestException.class)
    ProblemDetail unprocessable(org.firstline.platform.UnprocessableRequestException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage(), List.of());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                e.getMessage(),
                List.of(new FieldProblem(
                        e.field(), Objects.requireNonNull(e.getMessage(), "always constructed with a message"))));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Your role does not allow this.", List.of());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail validation(MethodArgumentNotValidException e) {
        var errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(
                        f.getField(), Objects.requireNonNull(f.getDefaultMessage(), "every constraint has a message")))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields.", errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail parameterValidation(HandlerMethodValidationException e) {
        var errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new FieldProblem(
                                // compiled with -parameters, and every constraint has a message
                                Objects.requireNonNull(
                                        r.getMethodParameter().getParameterName(), "parameter names are compiled in"),
                                Objects.requireNonNull(err.getDefaultMessage(), "every constraint has a message"))))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "The request has invalid parameters.", errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = e.getRequiredType() != null && e.getRequiredType().isEnum()
                ? "must be one of " + JsonBodyProblems.constants(e.getRequiredType())
                : "is not a valid value";
        return problem(
                HttpStatus.BAD_REQUEST,
                "Parameter '" + e.getName() + "' " + message + ".",
                List.of(new FieldProblem(e.getName(), message)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Parameter '" + e.getParameterName() + "' is required.",
                List.of(new FieldProblem(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ProblemDetail missingHeader(MissingRequestHeaderException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Header '" + e.getHeaderName() + "' is required.",
                List.of(new FieldProblem(e.getHeaderName(), "is required")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "This address does not accept " + e.getMethod() + ".", List.of());
    }

    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotAcceptableException.class)
    ProblemDetail notAcceptable(org.springframework.web.HttpMediaTypeNotAcceptableException e) {
        return problem(HttpStatus.NOT_ACCEPTABLE, "This answer is available as application/json only.", List.of());
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ProblemDetail bodyTooLarge(BodyTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, e.getMessage(), List.of());
    }

    /**
     * A value PostgreSQL refuses (out of range, a date past the year 294276, a character it cannot store) is the
     * request's fault: 400. An unreachable database is a 503. Neither shows the SQL.
     */
    @ExceptionHandler(org.springframework.dao.DataAccessException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> database(
            org.springframework.dao.DataAccessException e, jakarta.servlet.http.HttpServletRequest request) {
        if (DatabaseOutage.causedBy(e)) {
            return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS))
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.API_DETAIL, List.of()));
        }
        if (e.getMostSpecificCause() instanceof java.sql.SQLException sql
                && sql.getSQLState() != null
                && sql.getSQLState().startsWith("22")) {
            return org.springframework.http.ResponseEntity.badRequest()
                    .body(problem(
                            HttpStatus.BAD_REQUEST,
                            "A value in the request is out of range or cannot be stored.",
                            List.of()));
        }
        return org.springframework.http.ResponseEntity.internalServerError().body(unexpected(e, request));
    }

    /** A client that closed the connection (e.g. a form's event stream) is no error, and cannot be answered. */
    @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
    void clientGone(Exception e, jakarta.servlet.http.HttpServletRequest request) {
        ClientDisconnects.log(request.getRequestURI(), e);
    }

    /** Whatever else: logged with its stack trace, answered without it. */
    @ExceptionHandler(Exception.class)
    @Nullable
    ProblemDetail unexpected(Exception e, jakarta.servlet.http.HttpServletRequest request) {
        if (e.getCause() instanceof BodyTooLargeException tooLarge) {
            return bodyTooLarge(tooLarge);
        }
        if (ClientDisconnects.causedBy(e)) {
            // nobody is there to read an answer
            ClientDisconnects.log(request.getRequestURI(), e);
            return null;
        }
        if (e instanceof org.springframework.web.ErrorResponse known
                && known.getStatusCode().is4xxClientError()) {
            return problem(HttpStatus.valueOf(known.getStatusCode().value()), "The request was refused.", List.of());
        }
        log.error("Unexpected error answering an API request", e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. It has been logged; try again.",
                List.of());
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
        return JsonBodyProblems.describe(e);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof BodyTooLargeException tooLarge) {
            return bodyTooLarge(tooLarge);
        }
        Throwable cause = e.getMostSpecificCause();
        return JsonBodyProblems.describe(cause instanceof JacksonException ? cause : JsonBodyProblems.jsonCause(e));
    }

    static ProblemDetail problem(HttpStatus status, @Nullable String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (!errors.isEmpty()) {
            List<Map<String, String>> list = new ArrayList<>();
            errors.forEach(f -> list.add(Map.of("field", f.field(), "message", f.message())));
            problem.setProperty("errors", list);
        }
        return problem;
    }
}
