package baedal.bench.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tokens of a target's embedded issuer by its demo-only password grant, as {@code curl -u baedal-cli: …} gets them. */
class PasswordGrantTokensTests {

    HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/oauth2/token", exchange -> {
            try (exchange) {
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                requests.add(exchange.getRequestHeaders().getFirst("Authorization") + " " + form);
                boolean demo = form.contains("username=member-1001") || form.contains("username=operator");
                byte[] body = (demo && form.contains("password=demo")
                        ? "{\"access_token\":\"token-" + requests.size() + "\",\"token_type\":\"Bearer\",\"expires_in\":3599}"
                        : "{\"error\":\"invalid_grant\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(demo ? 200 : 400, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI tokenUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/token");
    }

    @Test
    void signsInADemoAccountOnceWithThePublicCliClient() {
        PasswordGrantTokens tokens = new PasswordGrantTokens(tokenUrl(), "demo");

        assertThat(tokens.bearer(Subject.member(1001))).isEqualTo("token-1");
        assertThat(tokens.bearer(Subject.member(1001))).isEqualTo("token-1");
        assertThat(requests).containsExactly("Basic YmFlZGFsLWNsaTo= grant_type=password&username=member-1001&password=demo");
    }

    @Test
    void anAccountTheIssuerDoesNotSignInHasNoToken() {
        PasswordGrantTokens tokens = new PasswordGrantTokens(tokenUrl(), "demo");

        assertThatThrownBy(() -> tokens.bearer(Subject.member(123456)))
                .isInstanceOf(Tokens.TokenUnavailable.class).hasMessageContaining("demo accounts");
    }
}
