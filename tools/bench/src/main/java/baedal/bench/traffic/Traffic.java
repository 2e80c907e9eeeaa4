package baedal.bench.traffic;

import static baedal.bench.measure.Latency.HIGHEST_MICROS;

import baedal.bench.identity.Identities;
import baedal.bench.identity.Population;
import baedal.bench.identity.Subject;
import baedal.bench.traffic.OrderMix.OrderSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

/**
 * Realistic traffic through the platform's HTTP API, in an open model: new orders arrive at the rate a
 * {@link RateCurve} gives (never waiting on the platform), and each placed order lives its whole lifecycle, driven
 * by simulated shops and riders: the shop accepts (or, for a share, rejects), a rider is dispatched — riders carry
 * several orders of a shop at once — arrives at the shop, picks up and delivers; a share of members cancel before the
 * shop answers and operators cancel a share of accepted orders. Members read their order history (and, for a share of
 * orders, the new order itself with {@code minVersion}) while orders flow.
 * <p>
 * Like a real client it retries what failed for want of the platform (connection refused, 5xx) — a placement under
 * its own idempotency key, a step under {@code If-Match} — and on a 412 reads the order back to learn whether its
 * earlier attempt did happen ({@link RetryingClient}). Every answer the platform acknowledged goes into the {@link Ledger} for the audit.
 * <p>
 * Every request is sent as the one who would send it ({@link Cast}), with that subject's token from the
 * {@link Identities}: the member's for placing, reading and cancelling its orders, the shop's for accepting or
 * rejecting, the rider's for its dispatch and the steps after it, an operator's (with a reason) for operator
 * cancellations. With a restricted {@link Population} (a target's demo accounts) members and riders are mapped onto
 * the allowed ones and only the allowed shops are ordered from.
 * Latency is measured from each request's intended time (coordinated omission corrected), per endpoint, in
 * HdrHistograms; errors are counted per endpoint and kind, including those that a retry then got past.
 */
public final class Traffic implements AutoCloseable {

    /**
     * @param rejectShare orders the shop rejects
     * @param memberCancelShare orders the member cancels before the shop answers
     * @param operatorCancelShare accepted orders an operator cancels before dispatch
     * @param riderCapacity orders one rider carries at once (from one shop)
     * @param historyPerOrder member history pages read per new order
     * @param viewShare placed orders whose member reads the new order at once ({@code minVersion=1})
     * @param lifecycleScale multiplies every pause between lifecycle steps (1: about 5–14 s from placement to delivery)
     * @param giveUpAfter how long an operation is retried before the client gives up
     * @param seed decisions are reproducible per order from this seed
     */
    public record Settings(double rejectShare, double memberCancelShare, double operatorCancelShare, int riderCapacity,
            double historyPerOrder, double viewShare, double lifecycleScale, Duration giveUpAfter, long seed) {

        public static Settings defaults(long seed) {
            return new Settings(0.03, 0.02, 0.005, 3, 0.5, 0.1, 1.0, Duration.ofSeconds(180), seed);
        }
    }

    /** One second of the run, as the sampler saw it. */
    public record Second(int second, double offeredRate, long placed, long steps, long reads, long errors, double placeP50Ms,
            double placeP99Ms, int inFlight) {
    }

    private final List<OrderSpec> mix;
    private final List<byte[]> bodies;
    private final Settings settings;
    private final JsonMapper json;
    private final Ledger ledger = new Ledger();
    private final Riders riders;
    private final Population population;
    private final Map<Endpoint, EndpointStats> stats = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, Thread.ofPlatform()
            .name("traffic-timer-", 0).daemon().factory());
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder placedInSecond = new LongAdder();
    private final LongAdder stepsInSecond = new LongAdder();
    private final LongAdder readsInSecond = new LongAdder();
    private final LongAdder errorsInSecond = new LongAdder();
    private final RetryingClient client;
    private final LongAdder staleViews = new LongAdder();
    private final List<Second> seconds = java.util.Collections.synchronizedList(new ArrayList<>());
    /** New orders by the second (of the run) they were due: attempted, and acknowledged at the first attempt. */
    private final AtomicLongArray attemptedBySecond = new AtomicLongArray(24 * 3600);
    private final AtomicLongArray firstTryBySecond = new AtomicLongArray(24 * 3600);
    private final AtomicLong sequence = new AtomicLong();
    /** Placement latencies since the last {@link #takePlacementWindow()} (the find-the-maximum mode's steps). */
    private final Histogram placementWindow = new Histogram(HIGHEST_MICROS, 3);
    private volatile long startNanos;
    private volatile Instant startedAt;
    private volatile RateCurve curve;
    private volatile boolean arriving;

    public Traffic(List<String> baseUrls, List<OrderSpec> mix, Settings settings, JsonMapper json,
            Identities identities) {
        this.population = identities.population();
        this.mix = mix.stream().filter(order -> population.servesShop(order.shopId()))
                .map(order -> order.byMember(population.member(order.memberId()))).toList();
        if (this.mix.isEmpty()) {
            throw new IllegalArgumentException("no order of the mix is from a shop the traffic may act for ("
                    + population.describe() + ")");
        }
        this.bodies = this.mix.stream().map(order -> order.requestJson(json).getBytes(StandardCharsets.UTF_8)).toList();
        this.settings = settings;
        this.json = json;
        this.riders = new Riders(settings.riderCapacity());
        for (Endpoint endpoint : Endpoint.values()) {
            stats.put(endpoint, new EndpointStats());
        }
        this.client = new RetryingClient(baseUrls, stats, errorsInSecond, settings.giveUpAfter(), json,
                identities.tokens());
        // every member's and shop's token now, not inside the first requests' latency (riders come as trips start)
        List<Subject> callers = new ArrayList<>();
        callers.add(Subject.operator());
        this.mix.forEach(order -> {
            callers.add(Subject.member(order.memberId()));
            callers.add(Subject.shop(order.shopId()));
        });
        identities.tokens().prepare(callers);
    }

    public Ledger ledger() {
        return ledger;
    }

    public Map<Endpoint, EndpointStats> stats() {
        return stats;
    }

    public List<Second> seconds() {
        synchronized (seconds) {
            return List.copyOf(seconds);
        }
    }

    public Riders riders() {
        return riders;
    }

    public long staleViews() {
        return staleViews.sum();
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** Seconds since the run started. */
    public double elapsed() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * New orders due in {@code [fromSecond, toSecond)} of the run: how many were attempted and how many the platform
     * acknowledged at the first attempt (no retry needed).
     */
    public long[] newOrders(int fromSecond, int toSecond) {
        long attempted = 0;
        long firstTry = 0;
        for (int s = Math.max(0, fromSecond); s < Math.min(toSecond, attemptedBySecond.length()); s++) {
            attempted += attemptedBySecond.get(s);
            firstTry += firstTryBySecond.get(s);
        }
        return new long[] {attempted, firstTry};
    }

    /**
     * Starts arrivals along {@code curve} (and the per-second sampler); returns at once. Arrivals go on until
     * {@link #stopArrivals()}.
     */
    public void start(RateCurve curve) {
        this.curve = curve;
        this.startedAt = Instant.now();
        this.startNanos = System.nanoTime();
        this.arriving = true;
        Thread.ofPlatform().name("traffic-orders").daemon().start(() -> arrivals(true));
        Thread.ofPlatform().name("traffic-history").daemon().start(() -> arrivals(false));
        timer.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
    }

    /** Changes the rate from now on (the find-the-maximum mode steps it up). */
    public void rate(RateCurve curve) {
        this.curve = curve;
    }

    public void stopArrivals() {
        arriving = false;
    }

    /** Waits until every started lifecycle has ended (delivered, rejected, cancelled or given up), at most {@code max}. */
    public boolean awaitLifecycles(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /**
     * Ends the traffic before the audit: no more arrivals, no more scheduled steps, retries interrupted, and the
     * per-second sampler stopped, with a last roll of every endpoint's recorder into its total (so the totals are read
     * by one thread only from here on). Returns how many lifecycles were still in flight: operations whose outcome
     * the client never learned.
     */
    public int stop() throws InterruptedException {
        arriving = false;
        int unfinished = inFlight.get();
        timer.shutdownNow();
        timer.awaitTermination(10, TimeUnit.SECONDS);
        calls.shutdownNow();
        calls.awaitTermination(10, TimeUnit.SECONDS);
        stats.values().forEach(EndpointStats::roll);
        return unfinished;
    }

    /** The placement latencies (µs) recorded since the last call (up to the last sampled second), then resets. */
    public Histogram takePlacementWindow() {
        synchronized (placementWindow) {
            Histogram copy = placementWindow.copy();
            placementWindow.reset();
            return copy;
        }
    }

    public int inFlight() {
        return inFlight.get();
    }

    private void arrivals(boolean orders) {
        long next = startNanos;
        while (arriving) {
            double seconds = (next - startNanos) / 1e9;
            double rate = curve.rateAt(seconds) * (orders ? 1 : settings.historyPerOrder());
            if (rate <= 0) {
                next += TimeUnit.MILLISECONDS.toNanos(100);
                LockSupport.parkNanos(next - System.nanoTime());
                continue;
            }
            long due = next;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!arriving) {
                break;
            }
            long seq = sequence.getAndIncrement();
            if (orders) {
                inFlight.incrementAndGet();
                calls.execute(() -> place(seq, due));
            } else {
                calls.execute(() -> history(seq, due));
            }
            next = due + (long) (1e9 / Math.max(0.05, rate));
        }
    }

    private void sample() {
        try {
            Histogram place = null;
            for (Map.Entry<Endpoint, EndpointStats> entry : stats.entrySet()) {
                Histogram interval = entry.getValue().roll();
                if (entry.getKey() == Endpoint.PLACE) {
                    place = interval;
                    synchronized (placementWindow) {
                        placementWindow.add(interval);
                    }
                }
            }
            int second = (int) Math.round(elapsed());
            RateCurve current = curve;
            double offered = current == null || !arriving ? 0 : current.rateAt(second);
            seconds.add(new Second(second, offered, placedInSecond.sumThenReset(),
                    stepsInSecond.sumThenReset(), readsInSecond.sumThenReset(), errorsInSecond.sumThenReset(),
                    place == null || place.getTotalCount() == 0 ? 0 : place.getValueAtPercentile(50) / 1000.0,
                    place == null || place.getTotalCount() == 0 ? 0 : place.getValueAtPercentile(99) / 1000.0,
                    inFlight.get()));
        } catch (RuntimeException failure) {
            failure.printStackTrace();
        }
    }

    // ---- one order's life ----

    private void place(long seq, long intendedNanos) {
        try {
            placeOrder(seq, intendedNanos);
        } catch (RuntimeException unexpected) {
            clientFailure(Endpoint.PLACE, unexpected);
            finish();
        }
    }

    /** An exception of the client itself (never expected): counted under the endpoint, the operation abandoned. */
    private void clientFailure(Endpoint endpoint, RuntimeException unexpected) {
        EndpointStats stat = stats.get(endpoint);
        stat.error("client " + unexpected.getClass().getSimpleName());
        stat.gaveUpOne();
        errorsInSecond.increment();
        unexpected.printStackTrace();
    }

    private void placeOrder(long seq, long intendedNanos) {
        int second = (int) ((intendedNanos - startNanos) / 1_000_000_000L);
        attemptedBySecond.incrementAndGet(Math.min(second, attemptedBySecond.length() - 1));
        int index = (int) (seq % mix.size());
        OrderSpec spec = mix.get(index);
        String key = UUID.randomUUID().toString();
        boolean[] firstTry = {true};
        KeepAliveHttp.Response response = client.call(Endpoint.PLACE, "/api/orders",
                Cast.of(Endpoint.PLACE, spec.memberId(), spec.shopId(), 0, false), null, key, -1, bodies.get(index),
                intendedNanos, null, firstTry);
        if (response == null) {
            inFlight.decrementAndGet();
            return;
        }
        if (firstTry[0]) {
            firstTryBySecond.incrementAndGet(Math.min(second, firstTryBySecond.length() - 1));
        }
        placedInSecond.increment();
        long orderNo = Long.parseLong(response.location().substring(response.location().lastIndexOf('/') + 1));
        Ledger.Entry order = ledger.placed(orderNo, spec.memberId(), spec.shopId(), spec.paymentAmount(),
                response.etagVersion());
        SplittableRandom random = new SplittableRandom(settings.seed() * 31 + seq);
        if (random.nextDouble() < settings.viewShare()) {
            calls.execute(() -> view(spec.memberId(), orderNo, response.etagVersion(), System.nanoTime()));
        }
        double u = random.nextDouble();
        if (u < settings.memberCancelShare()) {
            later(random, 0.5, 2, () -> step(order, Endpoint.CANCEL, body("reason", "주문을 잘못했어요", "cancelledBy", "MEMBER"),
                    -1, false, this::finish));
        } else if (u < settings.memberCancelShare() + settings.rejectShare()) {
            later(random, 0.5, 2, () -> step(order, Endpoint.REJECT, body("reason", "재료가 소진되었습니다"), -1, false,
                    this::finish));
        } else {
            later(random, 0.5, 2, () -> step(order, Endpoint.ACCEPT, body("cookingMinutes", 15 + random.nextInt(20)), -1,
                    false, () -> accepted(order, random)));
        }
    }

    private void accepted(Ledger.Entry order, SplittableRandom random) {
        if (random.nextDouble() < settings.operatorCancelShare()) {
            later(random, 0.3, 1, () -> step(order, Endpoint.CANCEL,
                    body("reason", "가게 사정으로 취소되었습니다", "cancelledBy", "OPERATOR"), -1, true, this::finish));
            return;
        }
        later(random, 1, 3, () -> {
            long trip = riders.assign(order.shopId());
            long rider = population.rider(trip); // the simulated rider, or the demo rider it is mapped onto
            step(order, Endpoint.DISPATCH, body("riderId", rider), rider, false, () ->
                    later(random, 1, 2, () -> step(order, Endpoint.ARRIVE, null, -1, false, () ->
                            later(random, 0.3, 1, () -> step(order, Endpoint.PICK_UP, null, -1, false, () -> {
                                riders.pickedUp(trip);
                                later(random, 1, 4, () -> step(order, Endpoint.DELIVER, null, -1, false, () -> {
                                    riders.delivered(trip);
                                    finish();
                                }));
                            })))));
        });
    }

    private void finish() {
        inFlight.decrementAndGet();
    }

    private void later(SplittableRandom random, double minSeconds, double maxSeconds, Runnable action) {
        double seconds = settings.lifecycleScale() * (minSeconds + random.nextDouble() * (maxSeconds - minSeconds));
        timer.schedule(() -> calls.execute(action), (long) (seconds * 1000), TimeUnit.MILLISECONDS);
    }

    /**
     * Sends one lifecycle step under {@code If-Match} of the version last acknowledged, as {@link #caller}; on success
     * records it ({@code riderId}: the rider a dispatch names, else -1) and runs {@code then}; when the client gives
     * up, the order's life ends where it is.
     */
    private void step(Ledger.Entry order, Endpoint endpoint, byte[] body, long riderId, boolean byOperator,
            Runnable then) {
        try {
            long intended = System.nanoTime();
            long version = order.version();
            Subject caller = caller(order, endpoint, riderId, byOperator);
            KeepAliveHttp.Response response = client.call(endpoint, "/api/orders/" + order.orderNo() + "/" + endpoint.action,
                    caller, Cast.reason(caller), null, version, body == null ? new byte[0] : body, intended, order,
                    new boolean[1]);
            if (response == null) {
                finish();
                return;
            }
            order.acknowledged(response.etagVersion(), endpoint.status, riderId);
            stepsInSecond.increment();
        } catch (RuntimeException unexpected) {
            clientFailure(endpoint, unexpected);
            finish();
            return;
        }
        then.run();
    }

    /**
     * Who sends {@code endpoint} for {@code order}: the dispatch's rider ({@code riderId}) for a dispatch, the rider
     * the order was dispatched to for the steps after it.
     */
    static Subject caller(Ledger.Entry order, Endpoint endpoint, long riderId, boolean byOperator) {
        return Cast.of(endpoint, order.memberId(), order.shopId(), riderId > 0 ? riderId : order.riderId(), byOperator);
    }

    private void history(long seq, long intendedNanos) {
        OrderSpec spec = mix.get((int) ((seq * 7919) % mix.size()));
        KeepAliveHttp.Response response = client.call(Endpoint.HISTORY, "/api/members/" + spec.memberId() + "/orders?size=20",
                Cast.of(Endpoint.HISTORY, spec.memberId(), spec.shopId(), 0, false), null, null, -1, null,
                intendedNanos, null, new boolean[1]);
        if (response != null) {
            readsInSecond.increment();
        }
    }

    private void view(long memberId, long orderNo, long version, long intendedNanos) {
        KeepAliveHttp.Response response = client.call(Endpoint.VIEW, "/api/order-views/" + orderNo + "?minVersion=" + version,
                Subject.member(memberId), null, null, -1, null, intendedNanos, null, new boolean[1]);
        if (response != null) {
            readsInSecond.increment();
            if (response.stale()) {
                staleViews.increment();
            }
        }
    }

    private byte[] body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return json.writeValueAsBytes(body);
    }

    @Override
    public void close() {
        arriving = false;
        timer.shutdownNow();
        calls.shutdownNow();
        client.close();
    }
}
