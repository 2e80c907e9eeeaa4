package baedal.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers an authenticated caller whose role may not call the endpoint (or an endpoint no rule lists): 403 with
 * {@code WWW-Authenticate: Bearer error="insufficient_scope"} and a problem body of type {@code forbidden}.
 */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();

    ProblemAccessDeniedHandler(String realm) {
        bearer.setRealmName(realm);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        bearer.handle(request, response, denied);
        ProblemResponses.forbidden(request, response, "The caller may not call " + request.getMethod() + " "
                + request.getRequestURI() + ".");
    }
}
