package baedal.identity.issuer;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;

/** Reads a token request with {@code grant_type=password}: {@code username}, {@code password}, optional {@code scope}. */
final class PasswordGrantAuthenticationConverter implements AuthenticationConverter {

    private static final String USERNAME = "username";

    private static final String PASSWORD = "password";

    private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc6749#section-4.3.2";

    @Override
    public @Nullable Authentication convert(HttpServletRequest request) {
        if (!PasswordGrant.TYPE.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
            return null;
        }
        String username = single(request, USERNAME);
        String password = single(request, PASSWORD);
        Set<String> scopes = new LinkedHashSet<>();
        String scope = request.getParameter(OAuth2ParameterNames.SCOPE);
        if (scope != null) {
            if (request.getParameterValues(OAuth2ParameterNames.SCOPE).length != 1) {
                throw invalid(OAuth2ParameterNames.SCOPE);
            }
            Arrays.stream(scope.split(" ")).filter(part -> !part.isEmpty()).forEach(scopes::add);
        }
        Map<String, Object> additional = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!Set.of(OAuth2ParameterNames.GRANT_TYPE, USERNAME, PASSWORD,
                    OAuth2ParameterNames.SCOPE, OAuth2ParameterNames.CLIENT_ID).contains(name)) {
                additional.put(name, values.length == 1 ? values[0] : values);
            }
        });
        Authentication client = SecurityContextHolder.getContext().getAuthentication();
        if (client == null) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
        }
        return new PasswordGrantAuthenticationToken(username, password, scopes, client, additional);
    }

    private static String single(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length != 1 || values[0].isEmpty()) {
            throw invalid(name);
        }
        return values[0];
    }

    private static OAuth2AuthenticationException invalid(String parameter) {
        return new OAuth2AuthenticationException(
                new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, "OAuth 2.0 Parameter: " + parameter, ERROR_URI));
    }
}
