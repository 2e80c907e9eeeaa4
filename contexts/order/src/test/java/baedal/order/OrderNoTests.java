package baedal.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import baedal.sharding.ShardNo;
import org.junit.jupiter.api.Test;

class OrderNoTests {

    @Test
    void keepsTheIssuingShardInItsLastThreeDigits() {
        OrderNo no = OrderNo.issue(12_345, new ShardNo(7));

        assertThat(no.value()).isEqualTo(12_345_007L);
        assertThat(no.shard()).isEqualTo(new ShardNo(7));
    }

    @Test
    void routesByTheNumberAloneWhateverTheNumberOfShards() {
        for (int shard = 0; shard < 1000; shard += 37) {
            for (long serial = 1; serial < 5_000; serial += 499) {
                assertThat(OrderNo.issue(serial, new ShardNo(shard)).shard().value()).isEqualTo(shard);
            }
        }
    }

    @Test
    void readsAnOrderNumberFromItsDecimalText() {
        assertThat(OrderNo.parse("12345007")).contains(new OrderNo(12_345_007L));
    }

    @Test
    void rejectsTextThatIsNotAnOrderNumber() {
        assertThat(OrderNo.parse("abc")).isEmpty();
        assertThat(OrderNo.parse("")).isEmpty();
        assertThat(OrderNo.parse("-1000")).isEmpty();
        assertThat(OrderNo.parse("999")).isEmpty();
        assertThat(OrderNo.parse("1234567890123456789")).isEmpty();
        assertThat(OrderNo.parse(" 1000")).isEmpty();
    }

    @Test
    void rejectsANonPositiveSerial() {
        assertThatThrownBy(() -> OrderNo.issue(0, new ShardNo(0))).isInstanceOf(IllegalArgumentException.class);
    }
}
