package baedal.peer;

import java.time.Clock;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The peer's Spring Boot application: a non-web context with Boot's auto-configuration (DataSource, Flyway,
 * Kafka, Jackson) and Spring Modulith's (the JDBC event publication registry and the Kafka event externalizer).
 * No component scan: its beans are declared here. Its package, {@code baedal.peer}, is the auto-configuration
 * package, which is where Modulith's default externalization looks for {@code @Externalized} events.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class PeerApplication {

    /** Partitions of the peer's topic, as the platform's order-events topic has. */
    public static final int TOPIC_PARTITIONS = 12;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The topic the events are externalized to; Boot's KafkaAdmin creates it at start-up when missing. */
    @Bean
    NewTopic orderEventsTopic() {
        return new NewTopic(OrderPlaced.TOPIC, TOPIC_PARTITIONS, (short) 1);
    }

    @Bean
    PeerPlacement peerPlacement(DataSource dataSource, PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events, Clock clock, JsonMapper json) {
        return new PeerPlacement(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager), events,
                clock, json);
    }
}
