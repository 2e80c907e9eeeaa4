package baedal.flags;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Routes the flags' outbox rows (aggregate type {@code Flag}) to the flags' topic, as a default of the lowest
 * precedence: an explicit {@code baedal.outbox.topics.flag} wins.
 */
public final class FlagsDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "baedalFlagsDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE)) {
            return;
        }
        String topic = environment.getProperty("baedal.flags.topic", "baedal.flags");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE,
                Map.of("baedal.outbox.topics.flag", topic)));
    }
}
