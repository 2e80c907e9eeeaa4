package baedal.order.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import baedal.kernel.catalogue.Catalogues;
import baedal.kernel.catalogue.EventType;
import org.junit.jupiter.api.Test;

class OrderEventCatalogueTests {

    @Test
    void refusesAnEventTypeItDoesNotList() {
        assertThatThrownBy(() -> OrderEventCatalogue.require("OrderTeleported"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OrderTeleported");
    }

    @Test
    void publishesEveryTypeOnTheOrderTopicAsOrderAggregates() {
        assertThat(OrderEventCatalogue.types().values()).isNotEmpty().allSatisfy(type -> {
            assertThat(type.topic()).isEqualTo("baedal.order-events");
            assertThat(type.aggregateType()).isEqualTo("Order");
        });
    }

    @Test
    void isFoundByThePlatformCatalogueAsTheOrderContext() {
        Catalogues catalogues = Catalogues.load(getClass().getClassLoader());

        assertThat(catalogues.context("order").events()).extracting(EventType::name)
                .containsExactlyElementsOf(OrderEventCatalogue.types().keySet());
    }

    @Test
    void namesATimestampForEveryStatus() {
        for (OrderEventStatus status : OrderEventStatus.values()) {
            assertThat(status.timestampName()).endsWith("At");
        }
        assertThat(OrderEventStatus.DELIVERED.isTerminal()).isTrue();
        assertThat(OrderEventStatus.PICKED_UP.isTerminal()).isFalse();
    }
}
