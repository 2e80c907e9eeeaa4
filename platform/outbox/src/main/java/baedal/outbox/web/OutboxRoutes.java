package baedal.outbox.web;

import baedal.identity.Role;
import baedal.identity.RouteRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Republishing events is an operator's repair: operators only (and audited, as every operator change). */
@Configuration(proxyBeanMethods = false)
class OutboxRoutes {

    @Bean
    RouteRules outboxRouteRules() {
        return RouteRules.of("outbox")
                .allow(HttpMethod.POST, "/api/operator/outbox/shards/{shard}/republish", Role.OPERATOR)
                .allow(HttpMethod.POST, "/api/operator/outbox/databases/{name}/republish", Role.OPERATOR)
                .build();
    }
}
