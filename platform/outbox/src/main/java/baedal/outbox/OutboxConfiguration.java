package baedal.outbox;

import baedal.sharding.ModuleSchema;
import baedal.sharding.ShardMigrations;
import baedal.sharding.ShardProperties;
import baedal.sharding.Shards;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The outbox of this instance ({@code baedal.outbox.*}): the registered databases ({@link OutboxRegistration} beans;
 * the deployment's shards are registered here), their relay, the topics of their aggregate types (created by Spring
 * Kafka's {@code KafkaAdmin} when missing), health, metrics and the operator's re-publishing. The outbox's tables
 * come with it: its migrations go to every shard (a {@link ShardMigrations}) and to every registered database of
 * its own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    /** The outbox's own migrations, on every database that has an outbox. */
    public static final String LOCATION = "classpath:db/outbox";
    /** Their history table, apart from the history of the database's other modules. */
    public static final String HISTORY_TABLE = "outbox_schema_history";

    @Bean
    ShardMigrations outboxShardMigrations() {
        return new ShardMigrations(new ModuleSchema(LOCATION, HISTORY_TABLE));
    }

    @Bean
    OutboxRegistration shardsOutbox(Shards shards, ShardProperties shardProperties) {
        // Shards is taken so the relay starts after the shards are opened and migrated.
        return OutboxRegistration.shards(shards, shardProperties);
    }

    @Bean
    OutboxDatabases outboxDatabases(List<OutboxRegistration> registrations) {
        return OutboxDatabases.opened(registrations);
    }

    @Bean
    OutboxRelay outboxRelay(OutboxDatabases databases, OutboxProperties properties, KafkaProperties kafka,
            ObjectProvider<MeterRegistry> registry) {
        return new OutboxRelay(databases.all(), properties,
                () -> new KafkaOutboxPublisher(kafka.buildProducerProperties(), properties),
                registry.getIfAvailable(SimpleMeterRegistry::new), RelayFaults.NONE);
    }

    @Bean
    OutboxNotifier outboxNotifier(OutboxDatabases databases, OutboxProperties properties) {
        // At most one notification per linger and database: the relay waits that long after a wake-up anyway, and
        // every NOTIFY is a transaction of its own on the database.
        return new OutboxNotifier(databases.all(), properties.linger());
    }

    @Bean
    Outbox outbox(OutboxNotifier notifier) {
        return new Outbox(notifier);
    }

    /** The orders' topic, every explicitly mapped one, and the topic of each aggregate type a registration names. */
    @Bean
    KafkaAdmin.NewTopics outboxTopics(OutboxProperties properties, OutboxDatabases databases) {
        TopicRouter router = TopicRouter.of(properties);
        Set<String> topics = new LinkedHashSet<>();
        topics.add(properties.topic());
        topics.addAll(new java.util.TreeSet<>(router.explicitTopics()));
        databases.registrations().forEach(registration -> registration.aggregateTypes().stream().sorted()
                .map(router::topicOf).forEach(topics::add));
        return new KafkaAdmin.NewTopics(topics.stream()
                .map(topic -> new NewTopic(topic, properties.partitions(), properties.replicationFactor()))
                .toArray(NewTopic[]::new));
    }

    @Bean
    OutboxHealthIndicator outboxHealthIndicator(OutboxRelay relay) {
        return new OutboxHealthIndicator(relay);
    }

    @Bean
    OutboxRepublisher outboxRepublisher(Shards shards, OutboxDatabases databases) {
        return new OutboxRepublisher(shards, databases);
    }
}
