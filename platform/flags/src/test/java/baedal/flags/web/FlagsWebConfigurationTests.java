package baedal.flags.web;

import static org.assertj.core.api.Assertions.assertThat;

import baedal.identity.Role;
import baedal.identity.RouteRule;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;

class FlagsWebConfigurationTests {

    @Test
    void everyRouteOfTheOperatorsFlagsApiHasAnOperatorOnlyRuleAndEveryRuleARoute() {
        List<String> routes = new ArrayList<>();
        for (Method method : FlagOperatorController.class.getDeclaredMethods()) {
            GetMapping get = method.getAnnotation(GetMapping.class);
            PutMapping put = method.getAnnotation(PutMapping.class);
            if (get != null) {
                routes.add("GET " + get.value()[0]);
            }
            if (put != null) {
                routes.add("PUT " + put.value()[0]);
            }
        }
        List<RouteRule> rules = new FlagsWebConfiguration().flagsRouteRules().rules();
        assertThat(routes).hasSize(5);
        assertThat(rules).extracting(rule -> rule.method() + " " + rule.pattern()).containsExactlyInAnyOrderElementsOf(routes);
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.access().roles()).containsExactly(Role.OPERATOR);
            assertThat(rule.access().permitAll()).isFalse();
            assertThat(rule.access().serviceScopes()).isEmpty();
        });
        assertThat(rules).extracting(RouteRule::method).doesNotContainNull().contains(HttpMethod.PUT);
    }
}
