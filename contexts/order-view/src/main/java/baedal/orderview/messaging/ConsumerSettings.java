package baedal.orderview.messaging;

import baedal.orderview.OrderViewProperties;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The consumer settings the projector's guarantees rest on, forced over whatever {@code spring.kafka.*} gives, and
 * the defaults it brings where {@code spring.kafka.*} says nothing.
 */
final class ConsumerSettings {

    /** Default longest wait of a fetch for {@link #FETCH_MIN_BYTES} (ms): bounds what batching adds to freshness. */
    static final int FETCH_WAIT_MILLIS = 20;
    /** Default bytes a fetch waits for (about 500 events of ~1.5 kB): a full batch is answered at once. */
    static final int FETCH_MIN_BYTES = 768 * 1024;
    /** Default consumer session: how long a dead projector's partitions wait before another member takes them. */
    static final int SESSION_TIMEOUT_MILLIS = 10_000;

    private ConsumerSettings() {
    }

    /**
     * The given client settings (bootstrap servers, security) with the ones the projector rests on forced: its
     * group, no auto-commit, start from the beginning of the topic when the group has no offsets, read only
     * committed records, at most a batch per poll, and no topic auto-creation (the relay creates the topic).
     */
    static Map<String, Object> safeConfig(Map<String, Object> base, OrderViewProperties.Projector settings) {
        Map<String, Object> config = new HashMap<>(base);
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.batchSize());
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // Fewer, fuller fetches: the broker answers after FETCH_WAIT_MILLIS unless a full batch's bytes arrived
        // sooner. Every fetch is followed by a store transaction, a snapshot publish and an offset commit, so
        // answering each new record at once cost the broker and the store most of their time under load, for a
        // few milliseconds of freshness. spring.kafka.consumer.fetch-min-size / fetch-max-wait override these.
        config.putIfAbsent(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, FETCH_MIN_BYTES);
        config.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_WAIT_MILLIS);
        // A projector killed outright (kill -9, a lost host) keeps its partitions until its session expires: with
        // the client's 45 s default, the fault harness saw the read model stall ~40 s after an app restart. Heartbeats
        // run on their own thread, so a 10 s session is safe; spring.kafka.consumer.properties override it.
        config.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MILLIS);
        config.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, SESSION_TIMEOUT_MILLIS / 3);
        return config;
    }

    /**
     * The settings of the projector's consumer number {@code index}: a client id of its own, so the broker's logs
     * and quotas tell the consumers apart, unless {@code spring.kafka.*} named the client.
     */
    static Map<String, Object> forConsumer(Map<String, Object> safeConfig, int index) {
        Map<String, Object> config = new HashMap<>(safeConfig);
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "baedal-order-view-" + index);
        return config;
    }
}
