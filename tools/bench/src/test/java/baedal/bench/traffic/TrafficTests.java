package baedal.bench.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrafficTests {

    @Test
    void aRiderTakesSeveralOrdersOfOneShopUpToItsCapacity() {
        Riders riders = new Riders(3);
        long first = riders.assign(7);
        assertThat(riders.assign(7)).isEqualTo(first);
        assertThat(riders.assign(7)).isEqualTo(first);
        long second = riders.assign(7);
        assertThat(second).isNotEqualTo(first);
        assertThat(riders.assign(8)).isNotIn(first, second);
    }

    @Test
    void aRiderWhoLeftTheShopTakesNoMoreOrdersAndIsFreeAfterTheLastDelivery() {
        Riders riders = new Riders(3);
        long rider = riders.assign(7);
        assertThat(riders.assign(7)).isEqualTo(rider);
        riders.pickedUp(rider);
        long next = riders.assign(7);
        assertThat(next).isNotEqualTo(rider);
        riders.delivered(rider);
        assertThat(riders.assign(9)).isNotEqualTo(rider); // one order of the trip is still on its way
        riders.delivered(rider);
        assertThat(riders.assign(10)).isEqualTo(rider);
        assertThat(riders.summary()[1]).isEqualTo(1.0); // one trip left a shop
        assertThat(riders.summary()[2]).isEqualTo(2.0); // with two orders
        assertThat(riders.summary()[3]).isEqualTo(2.0);
    }
}
