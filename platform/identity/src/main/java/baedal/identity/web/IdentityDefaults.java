package baedal.identity.web;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults that go with the route rules, below every other property source: health details and components are
 * shown to operators only ({@code management.endpoint.health.show-details=when-authorized},
 * {@code roles=OPERATOR}), while {@code /actuator/health} itself stays public.
 */
public final class IdentityDefaults implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE_NAME = "baedalIdentityDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(
                    "management.endpoint.health.show-details", "when-authorized",
                    "management.endpoint.health.show-components", "when-authorized",
                    "management.endpoint.health.roles", "OPERATOR")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
