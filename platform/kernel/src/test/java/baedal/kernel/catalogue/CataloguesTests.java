package baedal.kernel.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CataloguesTests {

    private static final EventType DELIVERED = new EventType("OrderDelivered", "Order", "baedal.order-events", 1,
            "배달완료", "status DELIVERED");

    private record Contribution(String context, List<EventType> events, List<CommandType> commands,
            List<PolicyType> policies, List<ReadModelType> readModels) implements ContextCatalogue {
    }

    private static Contribution events(String context, EventType... events) {
        return new Contribution(context, List.of(events), List.of(), List.of(), List.of());
    }

    @Test
    void mergesTheContributionsOfOneContext() {
        Contribution commands = new Contribution("order", List.of(),
                List.of(new CommandType("DeliverOrder", List.of("RIDER"), "the rider hands the food over",
                        List.of("OrderDelivered"))), List.of(), List.of());

        Catalogues catalogues = Catalogues.of(List.of(events("order", DELIVERED), commands));

        assertThat(catalogues.contexts()).containsExactly("order");
        assertThat(catalogues.context("order").events()).containsExactly(DELIVERED);
        assertThat(catalogues.context("order").commands()).extracting(CommandType::name).containsExactly("DeliverOrder");
    }

    @Test
    void refusesAPolicyReactingToAnEventNoContextPublishes() {
        Contribution member = new Contribution("member", List.of(), List.of(),
                List.of(new PolicyType("UpdateGrade", List.of("OrderTeleported"), "UpdateGrade", "grade")), List.of());

        assertThatThrownBy(() -> Catalogues.of(List.of(events("order", DELIVERED), member)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OrderTeleported");
    }

    @Test
    void refusesACommandEmittingAnUnpublishedEvent() {
        Contribution order = new Contribution("order", List.of(),
                List.of(new CommandType("DeliverOrder", List.of("RIDER"), "hand over", List.of("OrderVanished"))),
                List.of(), List.of());

        assertThatThrownBy(() -> Catalogues.of(List.of(events("order", DELIVERED), order)))
                .hasMessageContaining("OrderVanished");
    }

    @Test
    void refusesAReadModelBuiltFromAnUnpublishedEvent() {
        Contribution view = new Contribution("order-view", List.of(), List.of(), List.of(),
                List.of(new ReadModelType("OrderHistory", "주문내역", List.of("OrderVanished"))));

        assertThatThrownBy(() -> Catalogues.of(List.of(events("order", DELIVERED), view)))
                .hasMessageContaining("OrderVanished");
    }

    @Test
    void refusesANameDeclaredTwice() {
        assertThatThrownBy(() -> Catalogues.of(List.of(events("order", DELIVERED), events("rider", DELIVERED))))
                .hasMessageContaining("OrderDelivered is declared twice");
    }

    @Test
    void refusesAnUnknownContext() {
        assertThatThrownBy(() -> Catalogues.of(List.of(events("order", DELIVERED))).context("rider"))
                .hasMessageContaining("rider");
    }

    @Test
    void rejectsAnEventWithoutSchemaVersion() {
        assertThatThrownBy(() -> new EventType("OrderDelivered", "Order", "t", 0, "m", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAPolicyReactingToNothing() {
        assertThatThrownBy(() -> new PolicyType("P", List.of(), "C", "m"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsABlankName() {
        assertThatThrownBy(() -> new CommandType(" ", List.of(), "m", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
