package baedal.order.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An order's complete state as other parties see it: the body of the order API's responses and the state
 * every order event carries (the event snapshot). Amounts are whole won; times are ISO-8601 instants.
 * Changing a field's meaning is a new schema version in {@link OrderEventCatalogue}. {@code timestamps} maps
 * {@link OrderEventStatus#timestampName()} to the time the order reached that status.
 */
public record OrderDocument(String orderNo, OrderEventStatus status, int shard, long version, long memberId, Shop shop,
        List<Line> items, long itemsTotal, long deliveryFee, long totalAmount, long paymentAmount,
        Address deliveryAddress, String requestToShop, String requestToRider, Long riderId, Integer cookingMinutes,
        String rejectionReason, Cancellation cancellation, Map<String, Instant> timestamps) {

    public record Shop(long shopId, String name) {
    }

    public record Line(long menuId, String name, long unitPrice, int quantity, List<Option> options, long lineTotal) {
    }

    public record Option(long optionId, String group, String name, long price) {
    }

    public record Address(String road, String detail, String zipCode, double lat, double lng) {
    }

    public record Cancellation(String by, String reason) {
    }
}
