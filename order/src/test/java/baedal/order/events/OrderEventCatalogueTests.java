package baedal.order.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import baedal.order.OrderEvent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OrderEventCatalogueTests {

    @Test
    void listsEveryEventTypeAnOrderCanRaise() {
        Class<?>[] raisable = OrderEvent.class.getPermittedSubclasses();

        assertThat(raisable).isNotEmpty();
        for (Class<?> type : raisable) {
            assertThat(OrderEventCatalogue.find(type.getSimpleName()))
                    .as("%s is raised by the order but not listed in the event catalogue", type.getSimpleName())
                    .isPresent();
        }
        assertThat(OrderEventCatalogue.types().keySet())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(raisable).map(Class::getSimpleName).toList());
    }

    @Test
    void refusesAnEventTypeItDoesNotList() {
        assertThatThrownBy(() -> OrderEventCatalogue.require("OrderTeleported"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OrderTeleported");
    }
}
