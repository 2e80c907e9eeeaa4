package baedal.outbox;

import baedal.sharding.ShardNo;
import baedal.sharding.ShardProperties;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Wakes the relay of a shard, on whichever instance holds its lease, after a transaction that wrote outbox rows
 * has committed: it sends {@code NOTIFY outbox} on the shard from its own connection.
 * <p>
 * Why not a trigger that notifies inside the writing transaction: PostgreSQL serializes the commits of all
 * transactions that queued a notification (a cluster-wide lock held until the commit record is flushed), so
 * every order placement would wait for every other placement's fsync and group commit would be lost. Sent after
 * the commit, a notification costs one small transaction that writes nothing. Signals are coalesced per shard:
 * at most one notification is in flight, at most one per {@code minInterval}, and signals that arrive meanwhile
 * cause exactly one more, so the number of notifications stays bounded however many orders are placed.
 * <p>
 * A lost signal (this instance dies after the commit, or the shard is briefly unreachable) only delays
 * publishing until the relay's safety poll; nothing is lost because the rows are in the outbox.
 */
public final class OutboxNotifier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxNotifier.class);

    private final List<Channel> channels = new ArrayList<>();
    private volatile boolean running;

    /**
     * @param minInterval the shortest time between two notifications to one shard (signals meanwhile are
     *        coalesced into the next); zero sends each as soon as the previous one is done
     */
    OutboxNotifier(List<ShardProperties.Node> nodes, java.time.Duration minInterval) {
        for (int i = 0; i < nodes.size(); i++) {
            channels.add(new Channel(new ShardNo(i), nodes.get(i), minInterval.toMillis()));
        }
    }

    /** Called after a transaction that appended outbox rows on {@code shard} committed; never blocks. */
    public void committed(ShardNo shard) {
        if (running && shard.value() < channels.size()) {
            channels.get(shard.value()).signal();
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (Channel channel : channels) {
            channel.start();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        channels.forEach(Channel::stop);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Runs with the relay, and stops after the web server has drained, like the relay. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    /** One shard's notifications: a daemon thread that sends one NOTIFY per burst of signals. */
    private static final class Channel implements Runnable {

        private static final long RECONNECT_PAUSE_MILLIS = 1_000;

        private final ShardNo shard;
        private final ShardProperties.Node node;
        private final long minIntervalMillis;
        private final Semaphore wanted = new Semaphore(0);
        private final AtomicBoolean signalled = new AtomicBoolean();
        private volatile boolean active;
        private Thread thread;
        private Connection connection;

        Channel(ShardNo shard, ShardProperties.Node node, long minIntervalMillis) {
            this.shard = shard;
            this.node = node;
            this.minIntervalMillis = minIntervalMillis;
        }

        void signal() {
            if (signalled.compareAndSet(false, true)) {
                wanted.release();
            }
        }

        void start() {
            active = true;
            thread = new Thread(this, "outbox-notify-" + shard);
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            active = false;
            Thread current = thread;
            if (current != null) {
                current.interrupt();
                try {
                    current.join(2_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void run() {
            try {
                while (active) {
                    if (!wanted.tryAcquire(1, TimeUnit.SECONDS)) {
                        continue;
                    }
                    wanted.drainPermits();
                    signalled.set(false); // signals from here on cause one more notification
                    notifyRelay();
                    if (minIntervalMillis > 0) {
                        Thread.sleep(minIntervalMillis);
                    }
                }
            } catch (InterruptedException interrupted) {
                // stopping
            } finally {
                close();
            }
        }

        private void notifyRelay() throws InterruptedException {
            try {
                if (connection == null) {
                    connection = connect();
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("notify outbox");
                }
            } catch (SQLException failed) {
                log.debug("Could not notify the outbox relay of {} (it will find the rows by its poll): {}", shard,
                        failed.getMessage());
                close();
                Thread.sleep(RECONNECT_PAUSE_MILLIS);
            }
        }

        private Connection connect() throws SQLException {
            Connection opened = DedicatedConnections.open(node, "baedal-outbox-notify-" + shard, 10);
            try (Statement settings = opened.createStatement()) {
                // A NOTIFY takes a transaction id and so commits with a WAL record; with the default synchronous
                // commit every notification would wait for, and add, a WAL flush beside the placements' own.
                // A notification lost in a crash costs nothing: the relay's poll finds the rows.
                settings.execute("set synchronous_commit = off");
            } catch (SQLException failed) {
                opened.close();
                throw failed;
            }
            return opened;
        }

        private void close() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // best effort
                }
                connection = null;
            }
        }
    }
}
