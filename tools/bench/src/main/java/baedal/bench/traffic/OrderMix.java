package baedal.bench.traffic;

import baedal.bench.traffic.Menus.Menu;
import baedal.bench.traffic.Menus.Option;
import baedal.bench.traffic.Menus.OptionGroup;
import baedal.bench.traffic.Menus.ShopMenu;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import tools.jackson.databind.json.JsonMapper;

/**
 * A realistic, reproducible mix of orders built from the shops' menus as the API serves them: random shops,
 * one to three menus (more until the shop's minimum order amount is reached), quantities mostly one, and for
 * every option group between its minimum and maximum number of distinct options. Each order's payment amount
 * is computed exactly as the server prices it: (menu price + chosen option prices) × quantity, summed, plus
 * the shop's delivery fee. Pure: no I/O.
 */
public final class OrderMix {

    /** Member ids the API load uses are below this; the JDBC baseline uses ids from here on. */
    public static final long BASELINE_MEMBER_BASE = 900_000_000L;

    private static final int MAX_LINES = 50;

    private static final List<Address> ADDRESSES = List.of(
            new Address("서울특별시 강남구 테헤란로 123", "4층", "06134", 37.5006, 127.0364),
            new Address("서울특별시 마포구 양화로 45", "302호", "04036", 37.5519, 126.9215),
            new Address("서울특별시 종로구 세종대로 175", "", "03154", 37.5720, 126.9769),
            new Address("서울특별시 관악구 관악로 1", "제2공학관 301동", "08826", 37.4599, 126.9519),
            new Address("서울특별시 성동구 왕십리로 83-21", "아크로서울포레스트 101동 1203호", "04769", 37.5446, 127.0446),
            new Address("서울특별시 영등포구 국제금융로 10", "원아이에프씨 22층", "07326", 37.5251, 126.9256),
            new Address("경기도 성남시 분당구 판교역로 166", "카카오판교아지트 B동", "13529", 37.3952, 127.1107),
            new Address("서울특별시 송파구 올림픽로 300", "롯데월드타워 35층", "05551", 37.5126, 127.1025));

    private static final List<String> REQUESTS_TO_SHOP = List.of("", "", "", "맵지 않게 해주세요", "일회용 수저는 빼주세요",
            "소스 많이 주세요", "문 앞에 두고 벨 눌러주세요");
    private static final List<String> REQUESTS_TO_RIDER = List.of("", "", "문 앞에 두고 가주세요", "도착하면 전화 주세요",
            "조심히 와주세요", "공동현관 비밀번호 1234*");

    private OrderMix() {
    }

    public record Address(String road, String detail, String zipCode, double lat, double lng) {
    }

    public record ChosenOption(long optionId, String group, String name, long price) {
    }

    public record Line(long menuId, String menuName, long unitPrice, int quantity, List<ChosenOption> options) {
        public long lineTotal() {
            long perUnit = unitPrice;
            for (ChosenOption option : options) {
                perUnit += option.price();
            }
            return perUnit * quantity;
        }
    }

    /** One ready-to-send order: what the API gets and what the JDBC baseline writes. */
    public record OrderSpec(long memberId, long shopId, String shopName, List<Line> lines, Address address,
            long itemsTotal, long deliveryFee, long paymentAmount, String requestToShop, String requestToRider) {

        /** The same order placed by member {@code id} instead. */
        public OrderSpec byMember(long id) {
            return id == memberId ? this : new OrderSpec(id, shopId, shopName, lines, address, itemsTotal, deliveryFee,
                    paymentAmount, requestToShop, requestToRider);
        }

        /** The JSON body of {@code POST /api/orders}. */
        public String requestJson(JsonMapper json) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("memberId", memberId);
            body.put("shopId", shopId);
            List<Map<String, Object>> items = new ArrayList<>();
            for (Line line : lines) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("menuId", line.menuId());
                item.put("quantity", line.quantity());
                item.put("optionIds", line.options().stream().map(ChosenOption::optionId).toList());
                items.add(item);
            }
            body.put("items", items);
            Map<String, Object> addr = new LinkedHashMap<>();
            addr.put("road", address.road());
            addr.put("detail", address.detail());
            addr.put("zipCode", address.zipCode());
            addr.put("lat", address.lat());
            addr.put("lng", address.lng());
            body.put("deliveryAddress", addr);
            body.put("paymentAmount", paymentAmount);
            body.put("requestToShop", requestToShop);
            body.put("requestToRider", requestToRider);
            return json.writeValueAsString(body);
        }
    }

    /** {@code count} orders over {@code shops}, the same for the same seed. */
    public static List<OrderSpec> generate(List<ShopMenu> shops, int count, long seed) {
        if (shops.isEmpty()) {
            throw new IllegalArgumentException("no shops to order from");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<OrderSpec> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ShopMenu shop = shops.get(random.nextInt(shops.size()));
            orders.add(order(shop, 1 + random.nextLong(1_000_000), random));
        }
        return orders;
    }

    /** One valid order from {@code shop}: at least one line, and at least the shop's minimum order amount. */
    static OrderSpec order(ShopMenu shop, long memberId, SplittableRandom random) {
        if (shop.menus().isEmpty()) {
            throw new IllegalArgumentException("shop " + shop.shop().shopId() + " has no menus");
        }
        List<Line> lines = new ArrayList<>();
        int wanted = 1 + random.nextInt(3);
        long itemsTotal = 0;
        while (lines.size() < MAX_LINES
                && (lines.size() < wanted || itemsTotal < shop.shop().minimumOrderAmount())) {
            Line line = line(shop.menus().get(random.nextInt(shop.menus().size())), random);
            lines.add(line);
            itemsTotal += line.lineTotal();
        }
        Address address = ADDRESSES.get(random.nextInt(ADDRESSES.size()));
        return new OrderSpec(memberId, shop.shop().shopId(), shop.shop().name(), List.copyOf(lines), address,
                itemsTotal, shop.shop().deliveryFee(), itemsTotal + shop.shop().deliveryFee(),
                REQUESTS_TO_SHOP.get(random.nextInt(REQUESTS_TO_SHOP.size())),
                REQUESTS_TO_RIDER.get(random.nextInt(REQUESTS_TO_RIDER.size())));
    }

    static Line line(Menu menu, SplittableRandom random) {
        int quantity = random.nextInt(10) < 8 ? 1 : 2 + random.nextInt(2);
        List<ChosenOption> chosen = new ArrayList<>();
        for (OptionGroup group : menu.optionGroups()) {
            int available = group.options().size();
            int min = Math.min(group.minChoices(), available);
            int max = Math.min(group.maxChoices(), available);
            if (max < min) {
                throw new IllegalArgumentException("option group " + group.groupId() + " cannot be satisfied");
            }
            // Optional groups are left out most of the time, as real customers do.
            int picks = min == 0 && random.nextInt(3) != 0 ? 0 : min + random.nextInt(max - min + 1);
            List<Option> shuffled = new ArrayList<>(group.options());
            Collections.shuffle(shuffled, new java.util.Random(random.nextLong()));
            for (Option option : shuffled.subList(0, picks)) {
                chosen.add(new ChosenOption(option.optionId(), group.name(), option.name(), option.price()));
            }
        }
        return new Line(menu.menuId(), menu.name(), menu.price(), quantity, List.copyOf(chosen));
    }
}
