package baedal.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * This instance's relay: one worker thread per registered database (each shard, each database of its own), each
 * competing for its database's lease and publishing while it holds it, with its own producer (a failure on one
 * database never disturbs another's records). Writers never wait on the relay; the relay never waits on writers.
 */
final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final List<OutboxDatabase> databases;
    private final OutboxProperties properties;
    private final Supplier<OutboxPublisher> publisherFactory;
    private final MeterRegistry registry;
    private final RelayFaults faults;
    private final List<RelayWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<OutboxPublisher> publishers = new ArrayList<>();
    private volatile boolean running;

    OutboxRelay(List<OutboxDatabase> databases, OutboxProperties properties, Supplier<OutboxPublisher> publisherFactory,
            MeterRegistry registry, RelayFaults faults) {
        this.databases = List.copyOf(databases);
        this.properties = properties;
        this.publisherFactory = publisherFactory;
        this.registry = registry;
        this.faults = faults;
    }

    @Override
    public synchronized void start() {
        if (running || !properties.enabled()) {
            return;
        }
        for (OutboxDatabase database : databases) {
            OutboxPublisher publisher = publisherFactory.get();
            publishers.add(publisher);
            RelayWorker worker = new RelayWorker(database, properties, publisher, registry, faults);
            Thread thread = new Thread(worker, "outbox-relay-" + database.name());
            thread.setDaemon(true);
            workers.add(worker);
            threads.add(thread);
            thread.start();
        }
        running = true;
        log.info("Outbox relay started for {} databases ({}), orders publishing to {}", databases.size(),
                databases.stream().map(OutboxDatabase::name).toList(), properties.topic());
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        workers.forEach(RelayWorker::stop);
        long joinMillis = properties.sendTimeout().plus(properties.maxBlock()).toMillis() + 5_000;
        for (int i = 0; i < threads.size(); i++) {
            try {
                threads.get(i).join(joinMillis);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            if (threads.get(i).isAlive()) {
                workers.get(i).abortConnection();
            }
        }
        publishers.forEach(OutboxPublisher::close);
        publishers.clear();
        workers.clear();
        threads.clear();
        running = false;
        log.info("Outbox relay stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server and stops after it has drained, so late events still get a chance to go out. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    synchronized List<RelayWorker> workers() {
        return List.copyOf(workers);
    }
}
