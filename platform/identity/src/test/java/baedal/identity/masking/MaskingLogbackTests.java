package baedal.identity.masking;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The logback snippet that masks personal data in every line, included as an application includes it: after
 * Spring Boot's defaults, before the appenders.
 */
class MaskingLogbackTests {

    static final String CONFIGURATION = """
            <configuration>
              <include resource="org/springframework/boot/logging/logback/defaults.xml"/>
              <include resource="baedal/identity/logback-masking.xml"/>
              <appender name="CAPTURE" class="ch.qos.logback.core.OutputStreamAppender">
                <encoder><pattern>%level %m | %msg | %message%n%wEx</pattern></encoder>
              </appender>
              <root level="INFO"><appender-ref ref="CAPTURE"/></root>
            </configuration>
            """;

    @Test
    void everyMessageWordAndTheStackTraceAreMasked() throws JoranException {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(new ByteArrayInputStream(CONFIGURATION.getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        OutputStreamAppender<?> appender = (OutputStreamAppender<?>) context.getLogger(Logger.ROOT_LOGGER_NAME)
                .getAppender("CAPTURE");
        appender.setOutputStream(captured);
        appender.start();

        Logger log = context.getLogger("baedal.test");
        log.info("rider {} phone {} licence {}", 501, "010-1234-5678", "11-17-123456-01");
        log.warn("call failed", new IllegalStateException("refused resident number 900101-1234567 with Bearer abc.def"));
        context.stop();

        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("rider 501 phone 010-****-5678 licence 11-17-******-**",
                "900101-1******", "Bearer ****", "IllegalStateException", "MaskingLogbackTests");
        assertThat(output).doesNotContain("1234-5678", "123456-01", "1234567", "abc.def");
    }
}
