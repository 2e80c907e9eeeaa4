package baedal.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicRouterTests {

    private final TopicRouter defaults = TopicRouter.of(OutboxProperties.defaults());

    @Test
    void routesOrdersToTheOrderEventsTopic() {
        assertThat(defaults.topicOf("Order")).isEqualTo("baedal.order-events");
    }

    @Test
    void derivesATopicPerAggregateTypeInKebabCase() {
        assertThat(defaults.topicOf("Rider")).isEqualTo("baedal.rider-events");
        assertThat(defaults.topicOf("RiderShift")).isEqualTo("baedal.rider-shift-events");
        assertThat(defaults.topicOf("InsurancePolicy")).isEqualTo("baedal.insurance-policy-events");
        assertThat(defaults.topicOf("HTTPCheck")).isEqualTo("baedal.http-check-events");
    }

    @Test
    void theOrdersTopicSettingMovesOnlyOrders() {
        TopicRouter router = new TopicRouter("orders-v2", Map.of());

        assertThat(router.topicOf("Order")).isEqualTo("orders-v2");
        assertThat(router.topicOf("Rider")).isEqualTo("baedal.rider-events");
    }

    @Test
    void anExplicitMappingWinsHoweverItsKeyIsSpelled() {
        TopicRouter router = new TopicRouter("baedal.order-events",
                Map.of("rider-shift", "shifts", "INSURANCE_POLICY", "policies", "Order", "orders-explicit"));

        assertThat(router.topicOf("RiderShift")).isEqualTo("shifts");
        assertThat(router.topicOf("InsurancePolicy")).isEqualTo("policies");
        assertThat(router.topicOf("Order")).isEqualTo("orders-explicit");
        assertThat(router.explicitTopics()).containsExactlyInAnyOrder("shifts", "policies", "orders-explicit");
    }

    @Test
    void kebabCasesEveryCommonSpelling() {
        assertThat(TopicRouter.kebab("RiderShift")).isEqualTo("rider-shift");
        assertThat(TopicRouter.kebab("riderShift")).isEqualTo("rider-shift");
        assertThat(TopicRouter.kebab("RIDER_SHIFT")).isEqualTo("rider-shift");
        assertThat(TopicRouter.kebab("rider shift")).isEqualTo("rider-shift");
        assertThat(TopicRouter.kebab("rider-shift")).isEqualTo("rider-shift");
        assertThat(TopicRouter.kebab("Order")).isEqualTo("order");
    }

    @Test
    void rejectsAnAggregateTypeThatNamesNoTopic() {
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.topicOf("--"));
    }

    @Test
    void rejectsAnExplicitMappingToNoTopic() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TopicRouter("baedal.order-events", Map.of("Rider", " ")))
                .withMessageContaining("topics.Rider");
    }
}
