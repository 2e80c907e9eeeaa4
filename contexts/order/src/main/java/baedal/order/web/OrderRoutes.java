package baedal.order.web;

import baedal.identity.Role;
import baedal.identity.RouteRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call the order API. The rule names the kinds of caller; whose order it is, is checked on the order
 * ({@link baedal.order.OrderAccess}): another member's, shop's or rider's order is answered 404, as if it did not
 * exist.
 */
@Configuration(proxyBeanMethods = false)
class OrderRoutes {

    @Bean
    RouteRules orderRouteRules() {
        return RouteRules.of("order")
                .allow(HttpMethod.POST, "/api/orders", Role.MEMBER, Role.OPERATOR)
                .allow(HttpMethod.GET, "/api/orders/{orderNo}", Role.MEMBER, Role.SHOP, Role.RIDER, Role.OPERATOR)
                .allow(HttpMethod.POST, "/api/orders/{orderNo}/accept", Role.SHOP, Role.OPERATOR)
                .allow(HttpMethod.POST, "/api/orders/{orderNo}/reject", Role.SHOP, Role.OPERATOR)
                .allow(HttpMethod.POST, "/api/orders/{orderNo}/cancel", Role.MEMBER, Role.OPERATOR)
                .allow(HttpMethod.POST, "/api/orders/{orderNo}/dispatch", Role.RIDER, Role.OPERATOR)
                .allow(HttpMethod.POST, "/api/orders/{orderNo}/arrive-at-shop", Role.RIDER, Role.OPERATOR)
                .allow(HttpMethod.POST, "/api/orders/{orderNo}/pick-up", Role.RIDER, Role.OPERATOR)
                .allow(HttpMethod.POST, "/api/orders/{orderNo}/deliver", Role.RIDER, Role.OPERATOR)
                // where each event of an order went (outbox, Kafka, read model): an operator's diagnosis
                .allow(HttpMethod.GET, "/api/orders/{orderNo}/events", Role.OPERATOR)
                .build();
    }
}
