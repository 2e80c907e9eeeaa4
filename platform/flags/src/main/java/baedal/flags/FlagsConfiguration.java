package baedal.flags;

import baedal.outbox.Outbox;
import baedal.outbox.OutboxProperties;
import baedal.outbox.OutboxRegistration;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.OpenFeatureAPI;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The flags of this instance ({@code baedal.flags.*}): the catalogue of every {@link FlagDefinition} bean, the flags'
 * database (registered with the outbox, so a change is published on {@code baedal.flags}), this instance's feed of
 * that topic, its reconciliation and snapshot, the OpenFeature {@link Client} product code evaluates with, the
 * operator's administration and the {@code flags} health contributor. The operator's API and its route rules come with
 * identity ({@code baedal.flags.web}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FlagsProperties.class)
public class FlagsConfiguration {

    private static final org.apache.commons.logging.Log log =
            org.apache.commons.logging.LogFactory.getLog(FlagsConfiguration.class);

    @Bean
    FlagCatalogue flagCatalogue(List<FlagDefinition> definitions) {
        return FlagCatalogue.of(definitions);
    }

    @Bean
    LiveFlags liveFlags(FlagCatalogue catalogue, ObjectProvider<Clock> clock) {
        return new LiveFlags(catalogue, clock.getIfAvailable(Clock::systemUTC));
    }

    /** The flags' database; none when {@code baedal.flags.datasource.url} is not set (see {@link #flagRuntime}). */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "baedal.flags.datasource", name = "url")
    FlagConnections flagConnections(FlagsProperties properties) {
        FlagsProperties.Datasource db = properties.datasource();
        return new FlagConnections(db.url(), db.username(), db.password());
    }

    @Bean
    @Conditional(FlagsDatabaseReachable.class)
    OutboxRegistration flagsOutbox(FlagsProperties properties) {
        FlagsProperties.Datasource db = properties.datasource();
        return OutboxRegistration.database(FlagAdministration.DATABASE, db.url(), db.username(), db.password())
                .publishing(FlagAdministration.AGGREGATE_TYPE);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    FlagRuntime flagRuntime(FlagsProperties properties, LiveFlags live, ObjectProvider<FlagConnections> connections,
            Environment environment, ObjectProvider<Clock> clock) {
        FlagConnections db = connections.getIfAvailable();
        if (db == null) {
            log.warn("baedal.flags.datasource.url is not set: flags follow " + properties.topic() + " and their snapshot "
                    + "(else their code defaults) but cannot be changed, reconciled nor acknowledged here");
        }
        FlagDatabase database = db == null ? new UnconfiguredFlagDatabase() : new JdbcFlagDatabase(db.dataSource);
        return new FlagRuntime(instanceId(properties), live, database,
                new FlagSnapshot(dataDir(properties, environment)), properties.reconcileInterval(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    FlagFeed flagFeed(FlagsProperties properties, KafkaProperties kafka, LiveFlags live, FlagRuntime runtime,
            OutboxProperties outbox) {
        // As many partitions as the outbox gives the topics it creates, so neither side has to widen the other's.
        return new FlagFeed(properties.topic(), kafka.buildConsumerProperties(), kafka.buildAdminProperties(), live,
                runtime.instanceId(), outbox.partitions());
    }

    @Bean
    BaedalFlagProvider baedalFlagProvider(LiveFlags live) {
        return new BaedalFlagProvider(live);
    }

    /** The OpenFeature client of this application: its own domain, so several contexts in one JVM do not mix. */
    @Bean
    Client featureClient(BaedalFlagProvider provider, FlagRuntime runtime) {
        String domain = "baedal:" + runtime.instanceId() + ":" + System.identityHashCode(provider);
        OpenFeatureAPI api = OpenFeatureAPI.getInstance();
        api.setProviderAndWait(domain, provider);
        return api.getClient(domain);
    }

    @Bean
    @ConditionalOnProperty(prefix = "baedal.flags.datasource", name = "url")
    FlagAdministration flagAdministration(FlagCatalogue catalogue, FlagConnections connections, Outbox outbox,
            LiveFlags live, ObjectProvider<Clock> clock, ObjectProvider<OutboxRegistration> registrations) {
        boolean registered = registrations.stream()
                .anyMatch(registration -> registration.name().equals(FlagAdministration.DATABASE));
        return new FlagAdministration(catalogue, connections.jdbc, connections.transactions, registered ? outbox : null,
                live, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    FlagsHealthIndicator flagsHealthIndicator(FlagRuntime runtime, FlagFeed feed, LiveFlags live) {
        return new FlagsHealthIndicator(runtime, feed, live);
    }

    static String instanceId(FlagsProperties properties) {
        if (properties.instanceId() != null && !properties.instanceId().isBlank()) {
            return properties.instanceId();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }

    static Path dataDir(FlagsProperties properties, Environment environment) {
        if (properties.dataDir() != null) {
            return properties.dataDir();
        }
        String embedded = environment.getProperty("baedal.embedded.resolved-data-dir");
        return embedded != null ? Path.of(embedded, "flags") : Path.of("data", "flags");
    }
}
