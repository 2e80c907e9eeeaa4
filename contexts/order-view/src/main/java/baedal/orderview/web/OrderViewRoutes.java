package baedal.orderview.web;

import baedal.identity.Role;
import baedal.identity.RouteRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may read order history: the rule names the kinds of caller, the controller checks the owner on the document
 * (its member, its shop, its rider) or on the path (the member's, the shop's history) and answers 404 to others.
 * The read model's operations (dead letters, rebuild) are operators' only.
 */
@Configuration(proxyBeanMethods = false)
class OrderViewRoutes {

    @Bean
    RouteRules orderViewRouteRules() {
        return RouteRules.of("order-view")
                .allow(HttpMethod.GET, "/api/order-views/{orderNo}", Role.MEMBER, Role.SHOP, Role.RIDER, Role.OPERATOR)
                .allow(HttpMethod.GET, "/api/members/{memberId}/orders", Role.MEMBER, Role.OPERATOR)
                .allow(HttpMethod.GET, "/api/shops/{shopId}/orders", Role.SHOP, Role.OPERATOR)
                .allow(HttpMethod.GET, "/api/operator/order-view/dead-letters", Role.OPERATOR)
                .allow(HttpMethod.POST, "/api/operator/order-view/dead-letters/{id}/replay", Role.OPERATOR)
                .allow(HttpMethod.GET, "/api/operator/order-view/rebuild", Role.OPERATOR)
                .allow(HttpMethod.POST, "/api/operator/order-view/rebuild", Role.OPERATOR)
                .build();
    }
}
