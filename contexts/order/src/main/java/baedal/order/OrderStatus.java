package baedal.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order is in its life: 주문 생성 (PLACED) → 주문 접수 (ACCEPTED) → 배차 (RIDER_DISPATCHED) → rider at
 * the shop (RIDER_AT_SHOP) → 픽업 (PICKED_UP) → 배달완료 (DELIVERED). A shop may reject (REJECTED) a placed
 * order; a member or an operator may cancel (CANCELLED, 주문취소) a placed or accepted one.
 */
public enum OrderStatus {
    PLACED, ACCEPTED, RIDER_DISPATCHED, RIDER_AT_SHOP, PICKED_UP, DELIVERED, REJECTED, CANCELLED;

    /** The statuses this status may move to; every other move is refused. */
    public Set<OrderStatus> next() {
        return switch (this) {
            case PLACED -> EnumSet.of(ACCEPTED, REJECTED, CANCELLED);
            case ACCEPTED -> EnumSet.of(RIDER_DISPATCHED, CANCELLED);
            case RIDER_DISPATCHED -> EnumSet.of(RIDER_AT_SHOP);
            case RIDER_AT_SHOP -> EnumSet.of(PICKED_UP);
            case PICKED_UP -> EnumSet.of(DELIVERED);
            case DELIVERED, REJECTED, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }

    /** A terminal order never changes again. */
    public boolean isTerminal() {
        return next().isEmpty();
    }
}
