package baedal.order;

import static org.assertj.core.api.Assertions.assertThat;

import baedal.identity.Caller;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whose order it is: member 1001's order at shop 1, dispatched to rider 501. */
class OrderAccessTests {

    private static final Caller MEMBER = Caller.member("member-1001", 1001);
    private static final Caller OTHER_MEMBER = Caller.member("member-1002", 1002);
    private static final Caller SHOP = Caller.shop("shop-1", Set.of(1L));
    private static final Caller OTHER_SHOP = Caller.shop("shop-2", Set.of(2L));
    private static final Caller RIDER = Caller.rider("rider-501", 501);
    private static final Caller OTHER_RIDER = Caller.rider("rider-502", 502);
    private static final Caller OPERATOR = Caller.operator("operator");

    private static Order.Snapshot placed() {
        return OrderFixtures.aPlacedOrder().order().snapshot();
    }

    private static Order.Snapshot dispatched() {
        Order order = OrderFixtures.aPlacedOrder().order();
        order.accept(15, OrderFixtures.PLACED_AT.plusSeconds(60));
        order.dispatch(new RiderId(501), OrderFixtures.PLACED_AT.plusSeconds(120));
        return order.snapshot();
    }

    @Test
    void letsItsMemberItsShopItsRiderAndOperatorsReadTheOrder() {
        assertThat(OrderAccess.mayRead(MEMBER, placed())).isTrue();
        assertThat(OrderAccess.mayRead(SHOP, placed())).isTrue();
        assertThat(OrderAccess.mayRead(OPERATOR, placed())).isTrue();
        assertThat(OrderAccess.mayRead(RIDER, placed())).as("not dispatched to it yet").isFalse();
        assertThat(OrderAccess.mayRead(RIDER, dispatched())).isTrue();
    }

    @Test
    void hidesTheOrderFromOtherMembersShopsAndRiders() {
        assertThat(OrderAccess.mayRead(OTHER_MEMBER, dispatched())).isFalse();
        assertThat(OrderAccess.mayRead(OTHER_SHOP, dispatched())).isFalse();
        assertThat(OrderAccess.mayRead(OTHER_RIDER, dispatched())).isFalse();
    }

    @Test
    void letsOnlyItsShopDecideOnlyItsMemberCancelAndOnlyItsRiderDeliver() {
        assertThat(OrderAccess.mayDecide(SHOP, placed())).isTrue();
        assertThat(OrderAccess.mayDecide(OTHER_SHOP, placed())).isFalse();
        assertThat(OrderAccess.mayDecide(MEMBER, placed())).isFalse();
        assertThat(OrderAccess.mayCancel(MEMBER, placed())).isTrue();
        assertThat(OrderAccess.mayCancel(OTHER_MEMBER, placed())).isFalse();
        assertThat(OrderAccess.mayCancel(SHOP, placed())).isFalse();
        assertThat(OrderAccess.mayDeliver(RIDER, dispatched())).isTrue();
        assertThat(OrderAccess.mayDeliver(OTHER_RIDER, dispatched())).isFalse();
        assertThat(OrderAccess.mayDeliver(OPERATOR, dispatched())).isTrue();
    }

    @Test
    void letsARiderTakeADispatchForItselfOnly() {
        assertThat(OrderAccess.mayDispatch(RIDER, new RiderId(501))).isTrue();
        assertThat(OrderAccess.mayDispatch(RIDER, new RiderId(502))).isFalse();
        assertThat(OrderAccess.mayDispatch(OPERATOR, new RiderId(502))).isTrue();
        assertThat(OrderAccess.mayDispatch(MEMBER, new RiderId(501))).isFalse();
    }
}
