package baedal.catalog.web;

import baedal.identity.RouteRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may browse the catalog: anyone. Shops, menus and prices are public data, shown before anyone signs in. */
@Configuration(proxyBeanMethods = false)
class CatalogRoutes {

    @Bean
    RouteRules catalogRouteRules() {
        return RouteRules.of("catalog")
                .permitAll(HttpMethod.GET, "/api/shops", "/api/shops/{shopId}/menus")
                .build();
    }
}
