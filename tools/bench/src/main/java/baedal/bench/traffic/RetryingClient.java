package baedal.bench.traffic;

import baedal.bench.identity.Subject;
import baedal.bench.identity.Tokens;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The traffic's client to the platform, as a real one behaves: requests go round-robin over the instances, what
 * failed for want of the platform (connection refused, 5xx) is retried with a growing pause, a 412 on a lifecycle step
 * is resolved by reading the order back. Every request carries its caller's bearer token (and an operator's
 * {@code Baedal-Reason}); a 401 or 403 — the platform refusing the caller — is an error of the operation, never
 * retried, as is a token the client could not get. Every attempt is counted in its endpoint's {@link EndpointStats}
 * and every failed one in the current second's errors, including those a retry then got past.
 */
final class RetryingClient implements AutoCloseable {

    /**
     * Connections the client keeps to each instance at most, as a load balancer's pool would; requests beyond them
     * wait (and that wait is in their latency, which counts from the intended time).
     */
    static final int CONNECTIONS_PER_INSTANCE = 256;

    private final List<KeepAliveHttp> instances = new ArrayList<>();
    private final AtomicInteger nextInstance = new AtomicInteger();
    private final Map<Endpoint, EndpointStats> stats;
    private final LongAdder errorsInSecond;
    private final Duration giveUpAfter;
    private final JsonMapper json;
    private final Tokens tokens;

    RetryingClient(List<String> baseUrls, Map<Endpoint, EndpointStats> stats, LongAdder errorsInSecond,
            Duration giveUpAfter, JsonMapper json, Tokens tokens) {
        this.tokens = tokens;
        for (String url : baseUrls) {
            instances.add(new KeepAliveHttp(URI.create(url), Duration.ofSeconds(15), CONNECTIONS_PER_INSTANCE));
        }
        this.stats = stats;
        this.errorsInSecond = errorsInSecond;
        this.giveUpAfter = giveUpAfter;
        this.json = json;
    }

    /**
     * One operation with the client's retries: connection failures and 5xx are retried (next instance, growing
     * pause) until {@code giveUpAfter}; a 412 on a step is resolved by reading the order back (as the same caller).
     * Sent as {@code caller}, with {@code reason} as {@code Baedal-Reason} when given. Returns the successful response,
     * or {@code null} when the operation failed for good. {@code firstTry[0]} is cleared when a retry was needed.
     */
    KeepAliveHttp.Response call(Endpoint endpoint, String path, Subject caller, String reason, String idempotencyKey,
            long ifMatch, byte[] body, long intendedNanos, Ledger.Entry order, boolean[] firstTry) {
        EndpointStats stat = stats.get(endpoint);
        String bearer;
        try {
            bearer = tokens.bearer(caller);
        } catch (Tokens.TokenUnavailable unavailable) {
            stat.error("no token");
            errorsInSecond.increment();
            stat.gaveUpOne();
            return null;
        }
        long deadline = intendedNanos + giveUpAfter.toNanos();
        long pauseMillis = 100;
        int attempt = 0;
        while (true) {
            KeepAliveHttp http = instances.get(Math.floorMod(nextInstance.getAndIncrement(), instances.size()));
            String kind;
            try {
                KeepAliveHttp.Response response = http.exchange(path, bearer, reason, idempotencyKey,
                        ifMatch < 0 ? null : Long.toString(ifMatch), body);
                int status = response.status();
                if (status >= 200 && status < 300 && changesAnOrder(endpoint)
                        && (response.etagVersion() < 0 || endpoint == Endpoint.PLACE && response.location() == null)) {
                    // an acknowledgement the ledger cannot hold the platform to: a protocol error, not a success
                    stat.error("HTTP " + status + " without ETag or Location");
                    errorsInSecond.increment();
                    stat.gaveUpOne();
                    return null;
                }
                if (status >= 200 && status < 300 || endpoint == Endpoint.VIEW && status == 404 && response.stale()) {
                    // a read-your-writes view not there yet answers 404 marked stale: an answer, not a failure
                    stat.success(intendedNanos);
                    return response;
                }
                kind = "HTTP " + status;
                if (status == 412 && order != null) {
                    stat.error(kind);
                    errorsInSecond.increment();
                    KeepAliveHttp.Response resolved = resolve(order, endpoint, ifMatch, http, bearer);
                    if (resolved != null) {
                        stat.success(intendedNanos);
                        return resolved;
                    }
                    stat.gaveUpOne();
                    return null;
                }
                if (status < 500 && status != 429) {
                    // including 401 and 403: the platform refuses this caller, and would again
                    stat.error(kind);
                    errorsInSecond.increment();
                    stat.gaveUpOne();
                    return null;
                }
            } catch (IOException | RuntimeException failure) {
                kind = failure.getClass().getSimpleName();
            }
            stat.error(kind);
            errorsInSecond.increment();
            firstTry[0] = false;
            attempt++;
            if (System.nanoTime() + pauseMillis * 1_000_000 > deadline) {
                stat.gaveUpOne();
                stat.error("gave up");
                return null;
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return null;
            }
            pauseMillis = Math.min(2000, pauseMillis * 2);
        }
    }

    /**
     * A 412: the order is not at the version the step was sent for. If it is one version further and in the status
     * the step leads to, an earlier attempt of this very step happened (its answer was lost): that is the step's
     * acknowledgement. Anything else is a genuine conflict.
     */
    private KeepAliveHttp.Response resolve(Ledger.Entry order, Endpoint endpoint, long sentFor, KeepAliveHttp http,
            String bearer) {
        long sent = System.nanoTime();
        try {
            KeepAliveHttp.Response current = http.exchange("/api/orders/" + order.orderNo(), bearer, null, null, null,
                    null);
            if (current.status() != 200) {
                stats.get(Endpoint.READ_ORDER).error("HTTP " + current.status());
                return null;
            }
            stats.get(Endpoint.READ_ORDER).success(sent);
            JsonNode document = json.readTree(current.body());
            String status = document.path("status").asString();
            if (current.etagVersion() == sentFor + 1 && endpoint.status.equals(status)) {
                return current;
            }
        } catch (IOException | RuntimeException failure) {
            stats.get(Endpoint.READ_ORDER).error(failure.getClass().getSimpleName());
        }
        return null;
    }

    private static boolean changesAnOrder(Endpoint endpoint) {
        return endpoint == Endpoint.PLACE || endpoint.action != null;
    }

    @Override
    public void close() {
        instances.forEach(KeepAliveHttp::close);
    }
}
