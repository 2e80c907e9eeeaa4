package baedal.flags.web;

import baedal.identity.Role;
import baedal.identity.RouteRules;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The route rules of the operator's flags API ({@link FlagOperatorController}, found by the app's component scan like
 * every controller), where the app has identity — it needs the caller for the audit: OPERATOR only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = FlagsWebConfiguration.IDENTITY)
public class FlagsWebConfiguration {

    static final String IDENTITY = "baedal.identity.Caller";

    @Bean
    RouteRules flagsRouteRules() {
        return RouteRules.of("flags")
                .allow(HttpMethod.GET, "/api/operator/flags", Role.OPERATOR)
                .allow(HttpMethod.GET, "/api/operator/flags/{key}", Role.OPERATOR)
                .allow(HttpMethod.PUT, "/api/operator/flags/{key}", Role.OPERATOR)
                .allow(HttpMethod.GET, "/api/operator/flags/{key}/history", Role.OPERATOR)
                .allow(HttpMethod.GET, "/api/operator/flags/{key}/instances", Role.OPERATOR)
                .build();
    }
}
