package baedal.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Order requests for tests, built from the seeded catalog: shop 1 (바삭치킨 역삼점, delivery fee ₩3,000,
 * minimum ₩15,000), menu 101 후라이드치킨 ₩20,000 with the required group 부위 선택 (1001 뼈 ₩0,
 * 1002 순살 +₩2,000) and the optional 추가 선택 (1003 치즈볼 ₩4,000), and menu 104 치즈볼 (5개) ₩4,500.
 */
final class OrderRequests {

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final List<Map<String, Object>> items = new ArrayList<>();

    private OrderRequests() {
        body.put("memberId", 1001L);
        body.put("shopId", 1L);
        body.put("items", items);
        body.put("deliveryAddress", new LinkedHashMap<>(Map.of("road", "서울특별시 강남구 테헤란로 152",
                "detail", "강남파이낸스센터 12층", "zipCode", "06236", "lat", 37.5000, "lng", 127.0364)));
        body.put("requestToShop", "맵지 않게 해주세요");
        body.put("requestToRider", "문 앞에 두고 벨 눌러주세요");
    }

    /** Two 순살 후라이드치킨 with 치즈볼 and one 치즈볼 (5개): (20,000 + 2,000 + 4,000) × 2 + 4,500 + 3,000 = ₩59,500. */
    static OrderRequests aChickenOrder() {
        OrderRequests order = new OrderRequests();
        order.items.add(item(101, 2, List.of(1003L, 1002L)));
        order.items.add(item(104, 1, List.of()));
        order.body.put("paymentAmount", 59_500L);
        return order;
    }

    /** One 뼈 후라이드치킨: 20,000 + 3,000 = ₩23,000. */
    static OrderRequests aSimpleOrder() {
        OrderRequests order = new OrderRequests();
        order.items.add(item(101, 1, List.of(1001L)));
        order.body.put("paymentAmount", 23_000L);
        return order;
    }

    OrderRequests forMember(long memberId) {
        body.put("memberId", memberId);
        return this;
    }

    OrderRequests with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    OrderRequests without(String field) {
        body.remove(field);
        return this;
    }

    OrderRequests withItems(List<Map<String, Object>> lines) {
        items.clear();
        items.addAll(lines);
        return this;
    }

    OrderRequests withAddress(String field, Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> address = (Map<String, Object>) body.get("deliveryAddress");
        address.put(field, value);
        return this;
    }

    static Map<String, Object> item(long menuId, int quantity, List<Long> optionIds) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("menuId", menuId);
        item.put("quantity", quantity);
        item.put("optionIds", optionIds);
        return item;
    }

    Map<String, Object> body() {
        return body;
    }
}
