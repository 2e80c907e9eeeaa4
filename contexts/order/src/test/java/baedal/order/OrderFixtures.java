package baedal.order;

import baedal.kernel.Money;
import baedal.sharding.ShardNo;
import java.time.Instant;
import java.util.List;

/** Named orders for tests, built through the public API. */
final class OrderFixtures {

    static final Instant PLACED_AT = Instant.parse("2026-11-25T02:58:00Z");
    static final DeliveryAddress ADDRESS = new DeliveryAddress("서울특별시 강남구 테헤란로 152", "12층", "06236", 37.5, 127.0364);

    private OrderFixtures() {
    }

    /** 순살 후라이드치킨 + 치즈볼 ×2 and 치즈볼 (5개) ×1: ₩56,500 of items, ₩3,000 delivery. */
    static List<OrderLine> chickenLines() {
        return List.of(
                new OrderLine(101, "후라이드치킨", Money.won(20_000), 2, List.of(
                        new OrderLine.ChosenOption(1002, "부위 선택", "순살", Money.won(2_000)),
                        new OrderLine.ChosenOption(1003, "추가 선택", "치즈볼", Money.won(4_000)))),
                new OrderLine(104, "치즈볼 (5개)", Money.won(4_500), 1, List.of()));
    }

    static Order.Placement aPlacedOrder() {
        return Order.place(OrderNo.issue(42, new ShardNo(1)), new MemberId(1001), new Order.ShopRef(1, "바삭치킨 역삼점"),
                chickenLines(), ADDRESS, Money.won(3_000), Money.won(59_500), "맵지 않게", "문 앞에", PLACED_AT);
    }
}
