package baedal.outbox;

import baedal.sharding.ShardNo;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Wakes the relay of a database (a shard, or a database of its own), on whichever instance holds its lease, after
 * a transaction that wrote outbox rows has committed: it sends {@code NOTIFY outbox} there from its own connection.
 * <p>
 * Why not a trigger that notifies inside the writing transaction: PostgreSQL serializes the commits of all
 * transactions that queued a notification (a cluster-wide lock held until the commit record is flushed), so
 * every order placement would wait for every other placement's fsync and group commit would be lost. Sent after
 * the commit, a notification costs one small transaction that writes nothing. Signals are coalesced per database:
 * at most one notification is in flight, at most one per {@code minInterval}, and signals that arrive meanwhile
 * cause exactly one more, so the number of notifications stays bounded however many orders are placed.
 * <p>
 * A lost signal (this instance dies after the commit, or the database is briefly unreachable) only delays
 * publishing until the relay's safety poll; nothing is lost because the rows are in the outbox.
 */
public final class OutboxNotifier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxNotifier.class);

    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private volatile boolean running;

    /**
     * @param minInterval the shortest time between two notifications to one database (signals meanwhile are
     *        coalesced into the next); zero sends each as soon as the previous one is done
     */
    OutboxNotifier(List<OutboxDatabase> databases, java.time.Duration minInterval) {
        for (OutboxDatabase database : databases) {
            channels.put(database.name(), new Channel(database, minInterval.toMillis()));
        }
    }

    /** Whether commits on the database of this name (see {@link OutboxDatabase#name()}) can be signalled. */
    boolean knows(String database) {
        return channels.containsKey(database);
    }

    /** Called after a transaction that appended outbox rows on {@code shard} committed; never blocks. */
    public void committed(ShardNo shard) {
        committed(OutboxDatabase.nameOf(shard));
    }

    /** Called after a transaction that appended outbox rows on the database {@code database} committed; never blocks. */
    public void committed(String database) {
        Channel channel = channels.get(database);
        if (running && channel != null) {
            channel.signal();
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (Channel channel : channels.values()) {
            channel.start();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        channels.values().forEach(Channel::stop);
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

    /** One database's notifications: a daemon thread that sends one NOTIFY per burst of signals. */
    private static final class Channel implements Runnable {

        private static final long RECONNECT_PAUSE_MILLIS = 1_000;

        private final OutboxDatabase database;
        private final long minIntervalMillis;
        private final Semaphore wanted = new Semaphore(0);
        private final AtomicBoolean signalled = new AtomicBoolean();
        private volatile boolean active;
        private Thread thread;
        private Connection connection;

        Channel(OutboxDatabase database, long minIntervalMillis) {
            this.database = database;
            this.minIntervalMillis = minIntervalMillis;
        }

        void signal() {
            if (signalled.compareAndSet(false, true)) {
                wanted.release();
            }
        }

        void start() {
            active = true;
            thread = new Thread(this, "outbox-notify-" + database.name());
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
                    statement.execute(OutboxStore.NOTIFY);
                }
            } catch (SQLException failed) {
                log.debug("Could not notify the outbox relay of {} (it will find the rows by its poll): {}", database.name(),
                        failed.getMessage());
                close();
                Thread.sleep(RECONNECT_PAUSE_MILLIS);
            }
        }

        private Connection connect() throws SQLException {
            Connection opened = database.openDedicated("baedal-outbox-notify-" + database.name(), 10);
            try (Statement settings = opened.createStatement()) {
                // A NOTIFY takes a transaction id and so commits with a WAL record; with the default synchronous
                // commit every notification would wait for, and add, a WAL flush beside the placements' own.
                // A notification lost in a crash costs nothing: the relay's poll finds the rows.
                settings.execute(OutboxStore.ASYNCHRONOUS_COMMIT);
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
