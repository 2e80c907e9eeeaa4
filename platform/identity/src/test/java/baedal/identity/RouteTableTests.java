package baedal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class RouteTableTests {

    static final RouteRules ORDER = RouteRules.of("order")
            .allow(HttpMethod.POST, "/api/orders", Role.MEMBER, Role.OPERATOR)
            .allow(HttpMethod.GET, "/api/orders/{orderNo}", Role.MEMBER, Role.SHOP, Role.RIDER, Role.OPERATOR)
            .allow(HttpMethod.POST, "/api/orders/{orderNo}/accept", Role.SHOP, Role.OPERATOR)
            .permitAll(HttpMethod.GET, "/api/shops", "/api/shops/{shopId}/menus")
            .build();

    static final RouteRules OPERATOR = RouteRules.of("operator")
            .allow(null, "/api/operator/**", Role.OPERATOR)
            .build();

    static final RouteRules FLAGS = RouteRules.of("flags")
            .permitAll(HttpMethod.GET, "/api/operator/flags/public")
            .build();

    @Test
    void findsTheRuleOfARequest() {
        RouteTable table = RouteTable.merge(List.of(ORDER));

        assertThat(table.ruleFor(HttpMethod.POST, "/api/orders/1000003/accept"))
                .hasValueSatisfying(rule -> assertThat(rule.access()).isEqualTo(Access.anyRole(Role.SHOP, Role.OPERATOR)));
        assertThat(table.ruleFor(HttpMethod.GET, "/api/shops/1/menus"))
                .hasValueSatisfying(rule -> assertThat(rule.access().permitAll()).isTrue());
    }

    @Test
    void aRequestNoRuleMatchesHasNone() {
        RouteTable table = RouteTable.merge(List.of(ORDER));

        assertThat(table.ruleFor(HttpMethod.DELETE, "/api/orders/1000003")).isEmpty();
        assertThat(table.ruleFor(HttpMethod.GET, "/api/members/1001/orders")).isEmpty();
    }

    @Test
    void theMostSpecificPatternWinsWhicheverModuleDeclaredIt() {
        RouteTable oneWay = RouteTable.merge(List.of(OPERATOR, FLAGS));
        RouteTable otherWay = RouteTable.merge(List.of(FLAGS, OPERATOR));

        for (RouteTable table : List.of(oneWay, otherWay)) {
            assertThat(table.ruleFor(HttpMethod.GET, "/api/operator/flags/public"))
                    .hasValueSatisfying(rule -> assertThat(rule.contributor()).isEqualTo("flags"));
            assertThat(table.ruleFor(HttpMethod.GET, "/api/operator/flags"))
                    .hasValueSatisfying(rule -> assertThat(rule.contributor()).isEqualTo("operator"));
        }
        assertThat(oneWay.rules()).isEqualTo(otherWay.rules());
    }

    @Test
    void aRuleForOneMethodComesBeforeOneForEveryMethod() {
        RouteTable table = RouteTable.merge(List.of(RouteRules.of("m")
                .allow(null, "/api/things/{id}", Role.OPERATOR)
                .allow(HttpMethod.GET, "/api/things/{id}", Role.MEMBER, Role.OPERATOR)
                .build()));

        assertThat(table.ruleFor(HttpMethod.GET, "/api/things/1")).hasValueSatisfying(
                rule -> assertThat(rule.method()).isEqualTo(HttpMethod.GET));
        assertThat(table.ruleFor(HttpMethod.DELETE, "/api/things/1")).hasValueSatisfying(
                rule -> assertThat(rule.method()).isNull());
    }

    @Test
    void findsTheRuleOfARouteAsAHandlerMappingDeclaresIt() {
        RouteTable table = RouteTable.merge(List.of(ORDER, OPERATOR));

        assertThat(table.ruleForRoute(HttpMethod.POST, "/api/orders/{orderNo}/accept")).isPresent();
        assertThat(table.ruleForRoute(HttpMethod.POST, "/api/operator/order-view/dead-letters/{id}/replay"))
                .isPresent();
        assertThat(table.ruleForRoute(HttpMethod.POST, "/api/orders/{orderNo}/deliver")).isEmpty();
    }

    @Test
    void rejectsTwoRulesForTheSameRoute() {
        RouteRules again = RouteRules.of("again").permitAll(HttpMethod.POST, "/api/orders").build();

        assertThatThrownBy(() -> RouteTable.merge(List.of(ORDER, again)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("POST /api/orders").hasMessageContaining("order").hasMessageContaining("again");
    }

    @Test
    void rejectsAMalformedPattern() {
        assertThatThrownBy(() -> RouteRules.of("bad").allow(HttpMethod.GET, "/api/{unclosed", Role.MEMBER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RouteRules.of("bad").allow(HttpMethod.GET, "api/relative", Role.MEMBER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAContributionWithoutAName() {
        assertThatThrownBy(() -> RouteRules.of(" ").build()).isInstanceOf(IllegalArgumentException.class);
    }
}
