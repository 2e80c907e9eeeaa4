package baedal.identity.web;

import baedal.identity.Callers;
import baedal.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The same 401 and 403 problems as the security filters give, for the security exceptions a controller raises (a
 * {@link baedal.identity.Caller} parameter without a caller, a method-security check); ordered before the platform's
 * catch-all handling, which would answer them 500.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class SecurityProblemHandling {

    private static final Pattern REJECTED_HEADER = Pattern.compile("header: \"([^\"]+)\"");

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException failure, HttpServletRequest request) {
        return unauthorized(request, ProblemAuthenticationEntryPoint.detail(failure));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException denied, HttpServletRequest request) {
        if (Callers.current().isEmpty()) {
            return unauthorized(request, ProblemAuthenticationEntryPoint.TOKEN_NEEDED);
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(problem(HttpStatus.FORBIDDEN, ProblemResponses.FORBIDDEN, "Forbidden",
                        "The caller may not do this.", request));
    }

    /**
     * Spring Security's firewall refuses a header value with a control character when the controller reads it: the
     * request is invalid (400, naming the header), not a failure of the platform. The value itself is not echoed.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException rejected, HttpServletRequest request) {
        Matcher header = REJECTED_HEADER.matcher(String.valueOf(rejected.getMessage()));
        String field = header.find() ? header.group(1).strip() : "request";
        String message = "has a character that is not allowed";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                field + ": " + message, request);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return ResponseEntity.badRequest().body(problem);
    }

    private ResponseEntity<ProblemDetail> unauthorized(HttpServletRequest request, String detail) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + IdentityWebSecurityAutoConfiguration.REALM + "\"")
                .body(problem(HttpStatus.UNAUTHORIZED, ProblemResponses.UNAUTHORIZED, "Unauthorized", detail, request));
    }

    private static ProblemDetail problem(HttpStatus status, String kind, String title, String detail,
            HttpServletRequest request) {
        ProblemDetail problem = Problems.problem(status, kind, title, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }
}
