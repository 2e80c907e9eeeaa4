package baedal.identity.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;

class CliClientAuthenticationConverterTests {

    final CliClientAuthenticationConverter converter = new CliClientAuthenticationConverter();

    @Test
    void readsCurlsBasicCredentialsWithAnEmptySecretOnAPasswordGrant() {
        MockHttpServletRequest request = tokenRequest("password");
        request.addHeader("Authorization", basic("baedal-cli:"));

        OAuth2ClientAuthenticationToken client = (OAuth2ClientAuthenticationToken) converter.convert(request);

        assertThat(client).isNotNull();
        assertThat(client.getPrincipal()).isEqualTo("baedal-cli");
        assertThat(client.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.NONE);
    }

    @Test
    void readsAFormClientIdWithoutASecret() {
        MockHttpServletRequest request = tokenRequest("password");
        request.addParameter("client_id", "baedal-cli");

        assertThat(converter.convert(request)).isNotNull();
    }

    @Test
    void leavesClientsWithASecretToTheStandardConverters() {
        MockHttpServletRequest basic = tokenRequest("password");
        basic.addHeader("Authorization", basic("member-service:demo"));
        MockHttpServletRequest form = tokenRequest("password");
        form.addParameter("client_id", "member-service");
        form.addParameter("client_secret", "demo");

        assertThat(converter.convert(basic)).isNull();
        assertThat(converter.convert(form)).isNull();
    }

    @Test
    void leavesEveryOtherGrantAlone() {
        MockHttpServletRequest request = tokenRequest("client_credentials");
        request.addHeader("Authorization", basic("baedal-cli:"));

        assertThat(converter.convert(request)).isNull();
    }

    private static MockHttpServletRequest tokenRequest(String grantType) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
        request.addParameter("grant_type", grantType);
        return request;
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
