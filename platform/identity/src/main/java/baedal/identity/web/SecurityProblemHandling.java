package baedal.identity.web;

import baedal.identity.Callers;
import baedal.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
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
