package baedal.peer;

import baedal.peer.OrderPlaced.Address;
import baedal.peer.OrderPlaced.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A reproducible mix of orders for the peer, shaped like the harness's order mix (one to three lines, more until
 * the shop's minimum order amount is reached, quantities mostly one, a few options per line, Korean names and
 * addresses) but built from synthetic shops, so the peer needs no catalog. Money is integral won. Pure: no I/O.
 */
public final class PeerOrders {

    /** Distinct orders in a mix; orders are reused round-robin, each placement with its own member id. */
    public static final int MIX_SIZE = 2000;

    private static final int SHOPS = 50;

    private static final List<Address> ADDRESSES = List.of(
            new Address("서울특별시 강남구 테헤란로 123", "4층", "06134", 37.5006, 127.0364),
            new Address("서울특별시 마포구 양화로 45", "302호", "04036", 37.5519, 126.9215),
            new Address("서울특별시 종로구 세종대로 175", "", "03154", 37.5720, 126.9769),
            new Address("서울특별시 관악구 관악로 1", "제2공학관 301동", "08826", 37.4599, 126.9519),
            new Address("서울특별시 성동구 왕십리로 83-21", "아크로서울포레스트 101동 1203호", "04769", 37.5446, 127.0446),
            new Address("서울특별시 영등포구 국제금융로 10", "원아이에프씨 22층", "07326", 37.5251, 126.9256),
            new Address("경기도 성남시 분당구 판교역로 166", "카카오판교아지트 B동", "13529", 37.3952, 127.1107),
            new Address("서울특별시 송파구 올림픽로 300", "롯데월드타워 35층", "05551", 37.5126, 127.1025));

    private static final List<String> SHOP_KINDS = List.of("치킨", "피자", "분식", "중식", "족발보쌈", "카페", "한식", "버거");
    private static final List<String> MENUS = List.of("후라이드치킨", "양념치킨", "불고기피자", "떡볶이", "순대", "짜장면",
            "짬뽕", "탕수육", "족발 중", "보쌈 대", "아메리카노", "카페라떼", "김치찌개", "된장찌개", "불고기버거", "감자튀김");
    private static final List<String> REQUESTS_TO_SHOP = List.of("", "", "", "맵지 않게 해주세요", "일회용 수저는 빼주세요",
            "소스 많이 주세요", "문 앞에 두고 벨 눌러주세요");
    private static final List<String> REQUESTS_TO_RIDER = List.of("", "", "문 앞에 두고 가주세요", "도착하면 전화 주세요",
            "조심히 와주세요", "공동현관 비밀번호 1234*");

    private PeerOrders() {
    }

    /** One menu item of an order, before it becomes a numbered line. */
    public record Item(long menuId, String menuName, long unitPrice, int quantity, List<Option> options) {

        public Item {
            options = List.copyOf(options);
        }

        /** (unit price + the chosen options' prices) × quantity. */
        public long lineTotal() {
            long perUnit = unitPrice;
            for (Option option : options) {
                perUnit += option.price();
            }
            return perUnit * quantity;
        }
    }

    /** One order to place: what the platform's placement gets, already priced. */
    public record PeerOrder(long memberId, long shopId, String shopName, List<Item> items, Address address,
            long itemsTotal, long deliveryFee, long paymentAmount, String requestToShop, String requestToRider) {

        public PeerOrder {
            items = List.copyOf(items);
        }

        /** The same order for another member. */
        public PeerOrder withMemberId(long memberId) {
            return new PeerOrder(memberId, shopId, shopName, items, address, itemsTotal, deliveryFee, paymentAmount,
                    requestToShop, requestToRider);
        }
    }

    private record Shop(long shopId, String name, long deliveryFee, long minimumOrderAmount, List<Menu> menus) {
    }

    private record Menu(long menuId, String name, long price, List<OptionGroup> groups) {
    }

    private record OptionGroup(String name, int minChoices, int maxChoices, List<Option> options) {
    }

    /** {@code count} orders, the same for the same seed. */
    public static List<PeerOrder> generate(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Shop> shops = shops(random);
        List<PeerOrder> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            orders.add(order(shops.get(random.nextInt(shops.size())), 1 + random.nextLong(1_000_000), random));
        }
        return List.copyOf(orders);
    }

    private static List<Shop> shops(SplittableRandom random) {
        List<Shop> shops = new ArrayList<>();
        long nextOptionId = 1;
        for (int s = 0; s < SHOPS; s++) {
            long shopId = 1 + s;
            List<Menu> menus = new ArrayList<>();
            int menuCount = 6 + random.nextInt(10);
            for (int m = 0; m < menuCount; m++) {
                List<OptionGroup> groups = new ArrayList<>();
                int groupCount = random.nextInt(3);
                for (int g = 0; g < groupCount; g++) {
                    boolean required = g == 0;
                    String groupName = required ? "맛 선택" : "추가 선택";
                    List<Option> options = new ArrayList<>();
                    int optionCount = 2 + random.nextInt(4);
                    for (int o = 0; o < optionCount; o++) {
                        options.add(new Option(nextOptionId++, groupName, groupName + " " + (o + 1),
                                required ? 0 : 500L * (1 + random.nextInt(6))));
                    }
                    groups.add(new OptionGroup(groupName, required ? 1 : 0, required ? 1 : Math.min(3, optionCount),
                            List.copyOf(options)));
                }
                menus.add(new Menu(shopId * 1000 + m, MENUS.get(random.nextInt(MENUS.size())),
                        1000L * (5 + random.nextInt(25)), List.copyOf(groups)));
            }
            shops.add(new Shop(shopId, SHOP_KINDS.get(s % SHOP_KINDS.size()) + " " + shopId + "호점",
                    1000L * random.nextInt(5), 1000L * (10 + random.nextInt(10)), List.copyOf(menus)));
        }
        return List.copyOf(shops);
    }

    private static PeerOrder order(Shop shop, long memberId, SplittableRandom random) {
        List<Item> items = new ArrayList<>();
        int wanted = 1 + random.nextInt(3);
        long itemsTotal = 0;
        while (items.size() < 50 && (items.size() < wanted || itemsTotal < shop.minimumOrderAmount())) {
            Item item = item(shop.menus().get(random.nextInt(shop.menus().size())), random);
            items.add(item);
            itemsTotal += item.lineTotal();
        }
        return new PeerOrder(memberId, shop.shopId(), shop.name(), items,
                ADDRESSES.get(random.nextInt(ADDRESSES.size())), itemsTotal, shop.deliveryFee(),
                itemsTotal + shop.deliveryFee(), REQUESTS_TO_SHOP.get(random.nextInt(REQUESTS_TO_SHOP.size())),
                REQUESTS_TO_RIDER.get(random.nextInt(REQUESTS_TO_RIDER.size())));
    }

    private static Item item(Menu menu, SplittableRandom random) {
        int quantity = random.nextInt(10) < 8 ? 1 : 2 + random.nextInt(2);
        List<Option> chosen = new ArrayList<>();
        for (OptionGroup group : menu.groups()) {
            int available = group.options().size();
            int picks = group.minChoices() == 0 && random.nextInt(3) != 0 ? 0
                    : group.minChoices() + random.nextInt(group.maxChoices() - group.minChoices() + 1);
            int first = random.nextInt(available);
            for (int p = 0; p < picks; p++) {
                chosen.add(group.options().get((first + p) % available));
            }
        }
        return new Item(menu.menuId(), menu.name(), menu.price(), quantity, chosen);
    }
}
