package baedal.platform.web;

import baedal.kernel.InvalidInput;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * The platform-wide last line of error handling: turns framework errors (malformed JSON, missing headers,
 * wrong methods, unknown paths) and {@link InvalidInput} into problem+json with stable types. A body whose JSON
 * parsed but one of whose values breaks a platform rule ({@link JsonInputErrors}: a control character, a fraction
 * or an out-of-range number where a whole number is expected) is an {@code invalid-request} naming the field, not
 * a {@code malformed-request}. Contexts map their own domain exceptions in their own advice, ordered before this
 * one; every problem body is sent as {@code application/problem+json} ({@link ProblemMediaType}).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInput invalid) {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                invalid.getMessage());
        problem.setProperty("errors", invalid.violations().stream()
                .map(v -> Map.of("field", v.field(), "message", v.message()))
                .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException mismatch) {
        return invalidInput(InvalidInput.of(mismatch.getName(), "has the wrong format"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        log.error("Unexpected failure while handling a request", failure);
        return ResponseEntity.internalServerError().body(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error", "Internal error", Problems.INTERNAL_ERROR_DETAIL));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : ProblemDetail.forStatusAndDetail(statusCode, ex.getMessage());
        switch (ex) {
            case HttpMessageNotReadableException unreadable -> {
                JsonInputErrors.FieldError refused = JsonInputErrors.of(unreadable.getCause());
                if (refused != null) {
                    // every token parsed, but a value breaks a platform rule: a field error like any other
                    problem.setType(Problems.type("invalid-request"));
                    problem.setTitle("Invalid request");
                    problem.setDetail(refused.field() + ": " + refused.message());
                    problem.setProperty("errors", List.of(Map.of("field", refused.field(), "message", refused.message())));
                    break;
                }
                problem.setType(Problems.type("malformed-request"));
                problem.setTitle("Malformed request body");
                String field = fieldOf(unreadable);
                problem.setDetail(field == null ? "The request body is not valid JSON of the expected shape."
                        : "The request body is not valid: field '" + field + "' has the wrong type or format.");
                if (field != null) {
                    problem.setProperty("errors", List.of(Map.of("field", field, "message", "has the wrong type or format")));
                }
            }
            case MissingRequestHeaderException missing -> {
                problem.setType(Problems.type("missing-header"));
                problem.setTitle("Missing request header");
                problem.setDetail("Header '" + missing.getHeaderName() + "' is required.");
            }
            case MissingServletRequestParameterException missing -> {
                problem.setType(Problems.type("invalid-request"));
                problem.setTitle("Invalid request");
                problem.setProperty("errors", List.of(Map.of("field", missing.getParameterName(), "message", "is required")));
            }
            case NoResourceFoundException notFound -> {
                problem.setType(Problems.type("not-found"));
                problem.setTitle("Not found");
            }
            case HttpRequestMethodNotSupportedException notSupported -> {
                problem.setType(Problems.type("method-not-allowed"));
                problem.setTitle("Method not allowed");
            }
            case HttpMediaTypeNotSupportedException notSupported -> {
                problem.setType(Problems.type("unsupported-media-type"));
                problem.setTitle("Unsupported media type");
            }
            case HttpMediaTypeNotAcceptableException notAcceptable -> {
                problem.setType(Problems.type("not-acceptable"));
                problem.setTitle("Not acceptable");
            }
            default -> {
                problem.setType(Problems.type(Problems.kindOf(statusCode.value())));
                if (problem.getTitle() == null) {
                    problem.setTitle(Problems.titleOf(statusCode.value()));
                }
            }
        }
        return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
    }

    private static String fieldOf(HttpMessageNotReadableException unreadable) {
        Throwable cause = unreadable.getCause();
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return JsonPaths.describe(databind.getPath());
        }
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            return JsonPaths.describe(jackson.getPath());
        }
        return null;
    }
}
