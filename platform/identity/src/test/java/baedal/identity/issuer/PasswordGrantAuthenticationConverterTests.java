package baedal.identity.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

class PasswordGrantAuthenticationConverterTests {

    final PasswordGrantAuthenticationConverter converter = new PasswordGrantAuthenticationConverter();

    @BeforeEach
    void anAuthenticatedClient() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("baedal-cli", null));
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void readsTheAccountAndTheScopes() {
        MockHttpServletRequest request = request("member-1001", "demo");
        request.addParameter("scope", "openid  profile");

        PasswordGrantAuthenticationToken grant = (PasswordGrantAuthenticationToken) converter.convert(request);

        assertThat(grant.username()).isEqualTo("member-1001");
        assertThat(grant.password()).isEqualTo("demo");
        assertThat(grant.scopes()).containsExactlyInAnyOrder("openid", "profile");
        assertThat(grant.getCredentials()).isEqualTo("");
    }

    @Test
    void leavesOtherGrantsAlone() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
        request.addParameter("grant_type", "client_credentials");

        assertThat(converter.convert(request)).isNull();
    }

    @Test
    void rejectsAMissingOrRepeatedParameter() {
        MockHttpServletRequest noPassword = new MockHttpServletRequest("POST", "/oauth2/token");
        noPassword.addParameter("grant_type", "password");
        noPassword.addParameter("username", "member-1001");
        MockHttpServletRequest twoUsers = request("member-1001", "demo");
        twoUsers.addParameter("username", "operator");

        assertThatThrownBy(() -> converter.convert(noPassword)).isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("password");
        assertThatThrownBy(() -> converter.convert(twoUsers)).isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("username");
    }

    private static MockHttpServletRequest request(String username, String password) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
        request.addParameter("grant_type", "password");
        request.addParameter("username", username);
        request.addParameter("password", password);
        return request;
    }
}
