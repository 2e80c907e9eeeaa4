package baedal.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a new user sees when starting the platform on its embedded default: Spring Boot's and baedal's own lines,
 * no chatter from the embedded Kafka broker, the Kafka clients, PostgreSQL, Flyway or Hikari, and the startup
 * banner last, after the relays and consumers have started.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedStartupLogIntegrationTests {

    private static final String BANNER = "==== baedal is ready ====";
    private static final List<String> THIRD_PARTIES = List.of("kafka.", "state.change.logger", "org.apache.kafka.",
            "io.zonky.", "org.flywaydb.", "com.zaxxer.hikari.");

    @TempDir
    Path data;

    /** One log line as {@code LEVEL|logger|message} (the full logger name); banner lines continue a message. */
    private record Line(String level, String logger, String message) {

        static Line of(String text) {
            String[] parts = text.split("\\|", 3);
            return parts.length == 3 && parts[0].matches("TRACE|DEBUG|INFO|WARN|ERROR") ? new Line(parts[0], parts[1], parts[2]) : null;
        }

        boolean fromThirdParty() {
            return THIRD_PARTIES.stream().anyMatch(logger::startsWith);
        }

        boolean belowWarn() {
            return !level.equals("WARN") && !level.equals("ERROR");
        }
    }

    @Test
    void showsTheBannerLastAndKeepsTheEmbeddedServersQuiet(CapturedOutput output) throws Exception {
        String log;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BaedalApplication.class).run(
                "--server.port=0", "--baedal.embedded.data-dir=" + data, "--baedal.embedded.postgres-port=0",
                "--baedal.embedded.kafka-port=0", "--baedal.embedded.kafka-controller-port=0",
                "--logging.pattern.console=%level|%logger|%msg%n")) {
            // the broker goes on creating topics and the projector joins its group after the application is ready
            Thread.sleep(3_000);
            log = output.getOut();
        }

        int banner = log.indexOf(BANNER);
        assertThat(banner).as(log).isPositive();
        List<Line> lines = log.lines().map(Line::of).filter(line -> line != null).toList();
        assertThat(lines).filteredOn(line -> line.fromThirdParty() && line.belowWarn()).as("third-party chatter")
                .isEmpty();
        assertThat(log.substring(0, banner)).contains("Tomcat started on port").contains("Outbox relay started")
                .contains("Order view projector started").contains("Embedded platform started");
        List<Line> after = log.substring(banner).lines().map(Line::of).filter(line -> line != null).toList();
        assertThat(after).as("what follows the banner").allSatisfy(line -> assertThat(
                line.logger().startsWith("baedal.") || !line.belowWarn()).as(line.toString()).isTrue());
        assertThat(lines.size()).as("log lines of a start").isLessThan(120);
    }
}
