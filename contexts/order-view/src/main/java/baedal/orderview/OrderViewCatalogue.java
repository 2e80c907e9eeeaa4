package baedal.orderview;

import baedal.kernel.catalogue.ContextCatalogue;
import baedal.kernel.catalogue.PolicyType;
import baedal.kernel.catalogue.ReadModelType;
import baedal.order.events.OrderEventCatalogue;
import java.util.List;

/**
 * What the order read model declares for the platform's catalogue (registered as a service): the order
 * history read model, built from every order event, and the projection policy that keeps it.
 */
public final class OrderViewCatalogue implements ContextCatalogue {

    private static final List<String> ORDER_EVENTS = List.copyOf(OrderEventCatalogue.types().keySet());

    /** For the service loader. */
    public OrderViewCatalogue() {
    }

    @Override
    public String context() {
        return "order-view";
    }

    @Override
    public List<ReadModelType> readModels() {
        return List.of(new ReadModelType("OrderHistory",
                "주문내역: one document per order (items, shop, member, rider, payment, status timeline), read by one key",
                ORDER_EVENTS));
    }

    @Override
    public List<PolicyType> policies() {
        return List.of(new PolicyType("ProjectOrderDocument", ORDER_EVENTS,
                "replace the order's history document when the event's version is newer",
                "whenever an order event arrives, its snapshot becomes the order's document; duplicates and older "
                        + "versions change nothing"));
    }
}
