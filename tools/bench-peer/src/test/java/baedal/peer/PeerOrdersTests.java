package baedal.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import baedal.peer.PeerOrders.Item;
import baedal.peer.PeerOrders.PeerOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeerOrdersTests {

    @Test
    void theSameSeedGivesTheSameOrders() {
        assertThat(PeerOrders.generate(200, 42)).isEqualTo(PeerOrders.generate(200, 42));
        assertThat(PeerOrders.generate(200, 42)).isNotEqualTo(PeerOrders.generate(200, 43));
    }

    @Test
    void everyOrderIsPricedInWholeWonAsThePlatformPricesIt() {
        List<PeerOrder> orders = PeerOrders.generate(PeerOrders.MIX_SIZE, 20250601L);

        assertThat(orders).hasSize(PeerOrders.MIX_SIZE);
        for (PeerOrder order : orders) {
            assertThat(order.items()).isNotEmpty();
            long itemsTotal = 0;
            for (Item item : order.items()) {
                assertThat(item.quantity()).isBetween(1, 99);
                long perUnit = item.unitPrice() + item.options().stream().mapToLong(OrderPlaced.Option::price).sum();
                assertThat(item.lineTotal()).isEqualTo(perUnit * item.quantity());
                itemsTotal += item.lineTotal();
            }
            assertThat(order.itemsTotal()).isEqualTo(itemsTotal);
            assertThat(order.paymentAmount()).isEqualTo(order.itemsTotal() + order.deliveryFee());
        }
    }

    @Test
    void anOrderCanBePlacedForAnotherMember() {
        PeerOrder order = PeerOrders.generate(1, 1).getFirst();

        PeerOrder other = order.withMemberId(800_000_123L);

        assertThat(other.memberId()).isEqualTo(800_000_123L);
        assertThat(other.withMemberId(order.memberId())).isEqualTo(order);
    }

    @Test
    void aMixHasAtLeastOneOrder() {
        assertThatIllegalArgumentException().isThrownBy(() -> PeerOrders.generate(0, 1));
    }

    @Test
    void linesGoInOneMultiRowInsertWithJsonbOptions() {
        assertThat(PeerPlacement.lineInsert(2)).isEqualTo("insert into order_line (order_no, line_no, menu_id,"
                + " menu_name, unit_price, quantity, options, line_total) values (?, ?, ?, ?, ?, ?, cast(? as jsonb),"
                + " ?), (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)");
    }
}
