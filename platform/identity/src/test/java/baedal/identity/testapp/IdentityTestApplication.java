package baedal.identity.testapp;

import baedal.identity.Access;
import baedal.identity.Role;
import baedal.identity.RouteRules;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

/**
 * A minimal application with the identity module: one controller and its route rules, as a context module would
 * contribute them. {@code GET /api/test/unlisted} deliberately has no rule. It scans {@code baedal} as the platform's
 * application does, so the module's classes must hold up under component scanning.
 */
@SpringBootApplication(scanBasePackages = "baedal")
public class IdentityTestApplication {

    @Bean
    RouteRules testRouteRules() {
        return RouteRules.of("test")
                .permitAll(HttpMethod.GET, "/api/test/public")
                .allow(HttpMethod.GET, "/api/test/caller", Role.MEMBER, Role.SHOP, Role.RIDER, Role.OPERATOR,
                        Role.SERVICE)
                .allow(HttpMethod.GET, "/api/test/members/{memberId}", Role.MEMBER, Role.OPERATOR)
                .allow(HttpMethod.POST, "/api/test/operator/**", Role.OPERATOR)
                .allow(HttpMethod.GET, "/api/test/members/{memberId}/profile",
                        Access.anyRole(Role.OPERATOR).orServiceScopes("member.read"))
                .build();
    }
}
