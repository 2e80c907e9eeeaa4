package baedal.peer;

import java.time.Instant;
import java.util.List;
import org.springframework.modulith.events.Externalized;

/**
 * The application event the peer publishes, inside the order's transaction, for every placed order: a snapshot of
 * the order as it was committed (version 1, status {@code PLACED}). Spring Modulith's event publication registry
 * stores it in {@code event_publication} in that transaction and, after the commit, externalizes it to the Kafka
 * topic {@value #TOPIC} with the order number as the record key (the part after {@code ::} is a SpEL expression
 * evaluated on the event).
 */
@Externalized(OrderPlaced.TOPIC + "::#{orderNo()}")
public record OrderPlaced(long orderNo, long shopId, String shopName, long memberId, List<Line> lines, long itemsTotal,
        long deliveryFee, long totalAmount, long paymentAmount, Address deliveryAddress, String requestToShop,
        String requestToRider, String status, long version, Instant occurredAt) {

    /** The Kafka topic the peer's order events go to. */
    public static final String TOPIC = "baedal.peer.order-events";

    public OrderPlaced {
        lines = List.copyOf(lines);
    }

    /** One order line as stored in {@code order_line}; money in integral won. */
    public record Line(int lineNo, long menuId, String menuName, long unitPrice, int quantity, List<Option> options,
            long lineTotal) {

        public Line {
            options = List.copyOf(options);
        }
    }

    /** One chosen option of a line, as stored in {@code order_line.options}. */
    public record Option(long optionId, String group, String name, long price) {
    }

    /** Where the order goes. */
    public record Address(String road, String detail, String zipCode, double lat, double lng) {
    }
}
