package baedal.identity;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * The endpoint rules one module contributes, as a bean: every route the module serves names who may call it. The
 * identity module merges every module's rules into the {@link RouteTable} and denies every request no rule lets
 * through (deny by default: an authenticated caller gets 403, an anonymous one 401).
 * <pre>{@code
 * @Bean
 * RouteRules orderRoutes() {
 *     return RouteRules.of("order")
 *             .allow(HttpMethod.POST, "/api/orders", Role.MEMBER, Role.OPERATOR)
 *             .allow(HttpMethod.GET, "/api/orders/{orderNo}", Role.MEMBER, Role.SHOP, Role.RIDER, Role.OPERATOR)
 *             .allow(HttpMethod.GET, "/api/members/{memberId}", Access.anyRole(Role.OPERATOR).orServiceScopes("member.read"))
 *             .permitAll(HttpMethod.GET, "/api/shops", "/api/shops/{shopId}/menus")
 *             .build();
 * }
 * }</pre>
 *
 * @param contributor the module contributing them (named in errors and listings)
 * @param rules       its rules
 */
public record RouteRules(String contributor, List<RouteRule> rules) {

    public RouteRules {
        if (contributor.isBlank()) {
            throw new IllegalArgumentException("name the module contributing the rules");
        }
        rules = List.copyOf(rules);
        for (RouteRule rule : rules) {
            if (!rule.contributor().equals(contributor)) {
                throw new IllegalArgumentException(rule + " was contributed by another module than " + contributor);
            }
        }
    }

    /** Starts the rules of the named module. */
    public static Builder of(String contributor) {
        return new Builder(contributor);
    }

    /** Builds one module's rules. */
    public static final class Builder {

        private final String contributor;

        private final List<RouteRule> rules = new ArrayList<>();

        private Builder(String contributor) {
            this.contributor = contributor;
        }

        /** These routes are public: no token needed. */
        public Builder permitAll(@Nullable HttpMethod method, String... patterns) {
            for (String pattern : patterns) {
                allow(method, pattern, Access.anyone());
            }
            return this;
        }

        /** Callers holding any of these roles may call the route. */
        public Builder allow(@Nullable HttpMethod method, String pattern, Role... roles) {
            return allow(method, pattern, Access.anyRole(roles));
        }

        /** These callers may call the route. */
        public Builder allow(@Nullable HttpMethod method, String pattern, Access access) {
            rules.add(new RouteRule(method, pattern, access, contributor));
            return this;
        }

        public RouteRules build() {
            return new RouteRules(contributor, rules);
        }
    }
}
