package baedal.bench.traffic;

import baedal.bench.identity.Subject;
import baedal.bench.identity.Tokens;
import baedal.bench.traffic.Menus.ShopMenu;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives the platform's HTTP API (HTTP/1.1) and remembers every order it acknowledged, for the audit. Every request
 * carries a bearer token of {@link Tokens}: the member's for a placement, the given caller's for a read, the
 * operator's for the catalog it reads to build an order mix.
 */
public final class ApiClient {

    private final URI base;
    private final HttpClient http;
    private final KeepAliveHttp orders;
    private final JsonMapper json;
    private final Duration timeout;
    private final Tokens tokens;
    private final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    private final LongAdder duplicates = new LongAdder();

    public ApiClient(String baseUrl, JsonMapper json, Duration timeout, Tokens tokens) {
        this.tokens = tokens;
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        this.json = json;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        this.orders = new KeepAliveHttp(base, timeout);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ShopRef(long shopId) {
    }

    /** Every listed shop's menu, as served by {@code GET /api/shops} and {@code GET /api/shops/{id}/menus}. */
    public List<ShopMenu> menus() throws IOException, InterruptedException {
        ShopRef[] shops = json.readValue(get("/api/shops"), ShopRef[].class);
        List<ShopMenu> menus = new ArrayList<>();
        for (ShopRef shop : shops) {
            menus.add(json.readValue(get("/api/shops/" + shop.shopId() + "/menus"), ShopMenu.class));
        }
        return menus;
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + tokens.bearer(Subject.operator())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Gets the tokens of every member of {@code mix} (and the operator's) before they are measured. */
    public void prepare(List<OrderMix.OrderSpec> mix) {
        List<Subject> subjects = new ArrayList<>();
        subjects.add(Subject.operator());
        mix.stream().map(OrderMix.OrderSpec::memberId).distinct().map(Subject::member).forEach(subjects::add);
        tokens.prepare(subjects);
    }

    /** Gets the tokens of {@code subjects} before they are measured. */
    public void prepare(java.util.Collection<Subject> subjects) {
        tokens.prepare(subjects);
    }

    /**
     * {@code POST /api/orders} as member {@code memberId} (whose id the body's {@code memberId} must be) under a fresh
     * idempotency key; returns the order number on 201.
     */
    public long place(long memberId, String body) throws Exception {
        KeepAliveHttp.Response response = orders.post("/api/orders", tokens.bearer(Subject.member(memberId)),
                UUID.randomUUID().toString(),
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (response.status() != 201) {
            throw new Load.HttpStatusException(response.status(), response.body());
        }
        String location = response.location();
        if (location == null) {
            throw new IOException("201 without Location");
        }
        long orderNo = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        if (!acknowledged.add(orderNo)) {
            duplicates.increment();
        }
        return orderNo;
    }

    /** {@code GET path} as {@code caller} on a kept-alive connection (cheap enough to drive a read benchmark). */
    public KeepAliveHttp.Response read(Subject caller, String path) throws IOException {
        return orders.get(path, tokens.bearer(caller));
    }

    /** Order numbers the platform acknowledged with 201. */
    public Set<Long> acknowledged() {
        return acknowledged;
    }

    /** How often a 201 carried an order number already acknowledged before (must be 0). */
    public long duplicates() {
        return duplicates.sum();
    }
}
