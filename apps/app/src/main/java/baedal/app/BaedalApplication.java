package baedal.app;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The baedal platform in one process. With no configuration it starts on its embedded default (an embedded
 * PostgreSQL holding the catalog and the shard databases, and an embedded Kafka broker, data under
 * {@code ./data}); with {@code baedal.embedded.enabled=false} it uses the external servers it is given.
 */
@SpringBootApplication(scanBasePackages = "baedal")
public class BaedalApplication {

    public static void main(String[] args) {
        SpringApplication.run(BaedalApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
