package baedal.order;

import static org.assertj.core.api.Assertions.assertThat;

import baedal.kernel.catalogue.Catalogues;
import baedal.order.events.OrderEventCatalogue;
import baedal.order.events.OrderEventStatus;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OrderDocumentsTests {

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
    void publishesEveryStatusUnderItsOwnNameAndFinality() {
        for (OrderStatus status : OrderStatus.values()) {
            OrderEventStatus published = OrderDocuments.published(status);
            assertThat(published.name()).isEqualTo(status.name());
            assertThat(published.isTerminal()).as(status.name()).isEqualTo(status.isTerminal());
        }
        assertThat(OrderEventStatus.values()).hasSameSizeAs(OrderStatus.values());
    }

    @Test
    void declaresACommandForEveryEventItPublishes() {
        Catalogues catalogues = Catalogues.load(getClass().getClassLoader());

        assertThat(catalogues.context("order").commands().stream().flatMap(command -> command.emits().stream()))
                .containsExactlyInAnyOrderElementsOf(OrderEventCatalogue.types().keySet());
    }
}
