package baedal.identity.web;

import baedal.identity.Access;
import baedal.identity.Caller;
import baedal.identity.RouteRule;
import baedal.identity.RouteTable;
import jakarta.servlet.DispatcherType;
import java.util.function.Supplier;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The route table as Spring Security's request authorization: each rule in the table's order, then every other
 * request denied. An error dispatch is let through: the request it reports on was authorized already.
 */
final class RouteAuthorization
        implements Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> {

    private final RouteTable table;

    private final PathPatternRequestMatcher.Builder matchers;

    RouteAuthorization(RouteTable table, PathPatternRequestMatcher.Builder matchers) {
        this.table = table;
        this.matchers = matchers;
    }

    @Override
    public void customize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
        for (RouteRule rule : table.rules()) {
            var route = requests.requestMatchers(matchers.matcher(rule.method(), rule.pattern()));
            if (rule.access().permitAll()) {
                route.permitAll();
            }
            else {
                route.access(new CallerAccess(rule.access()));
            }
        }
        requests.anyRequest().denyAll();
    }

    /** Grants a request whose caller the rule's access allows; an anonymous request never. */
    static final class CallerAccess implements AuthorizationManager<RequestAuthorizationContext> {

        private final Access access;

        CallerAccess(Access access) {
            this.access = access;
        }

        @Override
        public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                RequestAuthorizationContext request) {
            Authentication current = authentication.get();
            boolean granted = current != null && current.isAuthenticated()
                    && current.getPrincipal() instanceof Caller caller && access.allows(caller);
            return new AuthorizationDecision(granted);
        }

        @Override
        public String toString() {
            return access.toString();
        }
    }
}
