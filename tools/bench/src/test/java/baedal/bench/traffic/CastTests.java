package baedal.bench.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import baedal.bench.identity.Population;
import baedal.bench.identity.Subject;
import org.junit.jupiter.api.Test;

/** Each request of an order's life goes out as the one the platform lets send it. */
class CastTests {

    static final long MEMBER = 424_242;
    static final long SHOP = 7;
    static final long RIDER = 70_003;

    private static Ledger.Entry order() {
        return new Ledger().placed(1_000_001, MEMBER, SHOP, 25_000, 1);
    }

    @Test
    void theMemberPlacesReadsAndCancelsItsOwnOrders() {
        Ledger.Entry order = order();
        assertThat(Traffic.caller(order, Endpoint.PLACE, -1, false)).isEqualTo(Subject.member(MEMBER));
        assertThat(Traffic.caller(order, Endpoint.CANCEL, -1, false)).isEqualTo(Subject.member(MEMBER));
        assertThat(Traffic.caller(order, Endpoint.HISTORY, -1, false)).isEqualTo(Subject.member(MEMBER));
        assertThat(Traffic.caller(order, Endpoint.VIEW, -1, false)).isEqualTo(Subject.member(MEMBER));
        assertThat(Subject.member(MEMBER).memberId()).isEqualTo(MEMBER);
        assertThat(Cast.reason(Subject.member(MEMBER))).isNull();
    }

    @Test
    void theOrdersShopAcceptsOrRejects() {
        Ledger.Entry order = order();
        assertThat(Traffic.caller(order, Endpoint.ACCEPT, -1, false)).isEqualTo(Subject.shop(SHOP));
        assertThat(Traffic.caller(order, Endpoint.REJECT, -1, false)).isEqualTo(Subject.shop(SHOP));
        assertThat(Subject.shop(SHOP).shopIds()).containsExactly(SHOP);
    }

    @Test
    void theRiderDispatchesItselfAndMovesTheOrdersDispatchedToIt() {
        Ledger.Entry order = order();
        order.acknowledged(2, "ACCEPTED", 0);
        assertThat(Traffic.caller(order, Endpoint.DISPATCH, RIDER, false)).isEqualTo(Subject.rider(RIDER));
        order.acknowledged(3, "RIDER_DISPATCHED", RIDER);
        for (Endpoint step : new Endpoint[] {Endpoint.ARRIVE, Endpoint.PICK_UP, Endpoint.DELIVER}) {
            assertThat(Traffic.caller(order, step, -1, false)).as(step.label()).isEqualTo(Subject.rider(RIDER));
        }
        assertThat(Subject.rider(RIDER).riderId()).isEqualTo(RIDER);
    }

    @Test
    void anOperatorCancelsWithAReason() {
        Subject caller = Traffic.caller(order(), Endpoint.CANCEL, -1, true);
        assertThat(caller).isEqualTo(Subject.operator());
        assertThat(Cast.reason(caller)).isNotBlank().matches("\\p{ASCII}+");
    }

    @Test
    void demoAccountsMapTheTrafficOntoTheAccountsTheTargetsIssuerSignsIn() {
        Population demo = Population.demoAccounts();
        assertThat(demo.member(MEMBER)).isBetween(1001L, 1010L);
        assertThat(demo.member(MEMBER)).isEqualTo(demo.member(MEMBER));
        assertThat(demo.rider(RIDER)).isBetween(501L, 510L);
        assertThat(demo.servesShop(2)).isTrue();
        assertThat(demo.servesShop(SHOP)).isFalse();

        Population anyone = Population.anyone();
        assertThat(anyone.member(MEMBER)).isEqualTo(MEMBER);
        assertThat(anyone.rider(RIDER)).isEqualTo(RIDER);
        assertThat(anyone.servesShop(SHOP)).isTrue();
    }
}
