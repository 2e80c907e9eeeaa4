package baedal.order.events;

import java.util.Optional;

/**
 * The order statuses as the published language names them. The order context maps its own lifecycle onto this
 * vocabulary; consumers depend on it alone, so the write side may refine its states without breaking them.
 */
public enum OrderEventStatus {
    /** 주문 생성. */
    PLACED("placedAt"),
    /** 주문 접수: the shop accepted. */
    ACCEPTED("acceptedAt"),
    /** 배차: a rider was dispatched. */
    RIDER_DISPATCHED("riderDispatchedAt"),
    /** The rider is at the shop. */
    RIDER_AT_SHOP("riderAtShopAt"),
    /** 픽업. */
    PICKED_UP("pickedUpAt"),
    /** 배달완료. */
    DELIVERED("deliveredAt"),
    /** The shop rejected the order. */
    REJECTED("rejectedAt"),
    /** 주문취소. */
    CANCELLED("cancelledAt");

    private final String timestampName;

    OrderEventStatus(String timestampName) {
        this.timestampName = timestampName;
    }

    /** The key of this status's time in {@link OrderDocument#timestamps()}. */
    public String timestampName() {
        return timestampName;
    }

    /** The status whose time {@link OrderDocument#timestamps()} keeps under {@code name}, if any. */
    public static Optional<OrderEventStatus> ofTimestampName(String name) {
        for (OrderEventStatus status : values()) {
            if (status.timestampName.equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** Delivered, rejected or cancelled: no event follows. */
    public boolean isTerminal() {
        return this == DELIVERED || this == REJECTED || this == CANCELLED;
    }
}
