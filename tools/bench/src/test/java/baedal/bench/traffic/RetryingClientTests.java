package baedal.bench.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import baedal.bench.identity.Subject;
import baedal.bench.identity.Tokens;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Every request carries its caller's token (and an operator's reason); the platform refusing a caller is final. */
class RetryingClientTests {

    HttpServer server;
    final List<String> received = new CopyOnWriteArrayList<>();
    final AtomicInteger status = new AtomicInteger(200);
    final Map<Endpoint, EndpointStats> stats = new EnumMap<>(Endpoint.class);
    final LongAdder errors = new LongAdder();

    @BeforeEach
    void start() throws Exception {
        for (Endpoint endpoint : Endpoint.values()) {
            stats.put(endpoint, new EndpointStats());
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " | "
                        + exchange.getRequestHeaders().getFirst("Authorization") + " | "
                        + exchange.getRequestHeaders().getFirst("Baedal-Reason"));
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("ETag", "\"2\"");
                exchange.sendResponseHeaders(status.get(), body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private RetryingClient client(Tokens tokens) {
        return new RetryingClient(List.of("http://127.0.0.1:" + server.getAddress().getPort()), stats, errors,
                Duration.ofSeconds(5), JsonMapper.shared(), tokens);
    }

    private static final Tokens NAMED = subject -> "token-of-" + subject.name();

    @Test
    void aStepCarriesTheCallersTokenAndAnOperatorsReason() {
        try (RetryingClient client = client(NAMED)) {
            KeepAliveHttp.Response response = client.call(Endpoint.CANCEL, "/api/orders/1/cancel", Subject.operator(),
                    "because", null, 1, "{}".getBytes(StandardCharsets.UTF_8), System.nanoTime(), null,
                    new boolean[] {true});
            assertThat(response).isNotNull();
            client.call(Endpoint.HISTORY, "/api/members/1001/orders?size=20", Subject.member(1001), null, null, -1,
                    null, System.nanoTime(), null, new boolean[] {true});
        }
        assertThat(received).containsExactly(
                "POST /api/orders/1/cancel | Bearer token-of-operator | because",
                "GET /api/members/1001/orders?size=20 | Bearer token-of-member-1001 | null");
    }

    @Test
    void anUnauthorizedOrForbiddenAnswerIsAnErrorNeverRetried() {
        for (int refused : new int[] {401, 403}) {
            status.set(refused);
            try (RetryingClient client = client(NAMED)) {
                boolean[] firstTry = {true};
                assertThat(client.call(Endpoint.ACCEPT, "/api/orders/1/accept", Subject.shop(1), null, null, 1,
                        "{}".getBytes(StandardCharsets.UTF_8), System.nanoTime(), null, firstTry)).isNull();
                assertThat(firstTry[0]).isTrue();
            }
        }
        assertThat(received).hasSize(2);
        assertThat(stats.get(Endpoint.ACCEPT).errorCounts()).containsEntry("HTTP 401", 1L).containsEntry("HTTP 403", 1L);
        assertThat(stats.get(Endpoint.ACCEPT).gaveUp()).isEqualTo(2);
    }

    @Test
    void aCallerWithoutATokenIsAnErrorAndSendsNothing() {
        Tokens none = subject -> {
            throw new Tokens.TokenUnavailable("not a demo account: " + subject.name(), null);
        };
        try (RetryingClient client = client(none)) {
            assertThat(client.call(Endpoint.PLACE, "/api/orders", Subject.member(5), null, "key", -1,
                    "{}".getBytes(StandardCharsets.UTF_8), System.nanoTime(), null, new boolean[] {true})).isNull();
        }
        assertThat(received).isEmpty();
        assertThat(stats.get(Endpoint.PLACE).errorCounts()).containsEntry("no token", 1L);
        assertThat(errors.sum()).isEqualTo(1);
    }
}
