package baedal.outbox;

import baedal.sharding.ShardProperties;
import baedal.sharding.Shards;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The outbox relay of this instance ({@code baedal.outbox.*}), its topic (created by Spring Kafka's
 * {@code KafkaAdmin} when missing), health, metrics and the operator's re-publishing.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    @Bean
    OutboxRelay outboxRelay(Shards shards, ShardProperties shardProperties, OutboxProperties properties,
            KafkaProperties kafka, ObjectProvider<MeterRegistry> registry) {
        // Shards is taken so the relay starts after the shards are opened and migrated.
        return new OutboxRelay(shardProperties.nodes().subList(0, shards.count()), properties,
                () -> new KafkaOutboxPublisher(kafka.buildProducerProperties(), properties),
                registry.getIfAvailable(SimpleMeterRegistry::new), RelayFaults.NONE);
    }

    @Bean
    OutboxNotifier outboxNotifier(Shards shards, ShardProperties shardProperties, OutboxProperties properties) {
        // At most one notification per linger and shard: the relay waits that long after a wake-up anyway, and
        // every NOTIFY is a transaction of its own on the shard.
        return new OutboxNotifier(shardProperties.nodes().subList(0, shards.count()), properties.linger());
    }

    @Bean
    Outbox outbox(OutboxNotifier notifier) {
        return new Outbox(notifier);
    }

    @Bean
    NewTopic outboxTopic(OutboxProperties properties) {
        return new NewTopic(properties.topic(), properties.partitions(), properties.replicationFactor());
    }

    @Bean
    OutboxHealthIndicator outboxHealthIndicator(OutboxRelay relay) {
        return new OutboxHealthIndicator(relay);
    }

    @Bean
    OutboxRepublisher outboxRepublisher(Shards shards) {
        return new OutboxRepublisher(shards);
    }
}
