package baedal.identity.issuer;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads the public client of a password grant request: {@code curl -u baedal-cli:} sends HTTP Basic with an empty
 * secret, which the standard client authentication refuses as malformed; a form {@code client_id} without a
 * secret is read too. Any other request is left to the standard converters.
 */
final class CliClientAuthenticationConverter implements AuthenticationConverter {

    @Override
    public @Nullable Authentication convert(HttpServletRequest request) {
        if (!PasswordGrant.TYPE.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
            return null;
        }
        String clientId = basicWithoutSecret(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (clientId == null && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) == null) {
            clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
        }
        if (clientId == null || clientId.isEmpty()) {
            return null;
        }
        return new OAuth2ClientAuthenticationToken(clientId, ClientAuthenticationMethod.NONE, null,
                Map.of(OAuth2ParameterNames.GRANT_TYPE, PasswordGrant.TYPE.getValue()));
    }

    private static @Nullable String basicWithoutSecret(@Nullable String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException notBase64) {
            return null;
        }
        int colon = credentials.indexOf(':');
        if (colon <= 0 || colon != credentials.length() - 1) {
            return null;
        }
        return credentials.substring(0, colon);
    }
}
