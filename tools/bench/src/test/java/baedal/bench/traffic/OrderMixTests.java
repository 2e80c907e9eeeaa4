package baedal.bench.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import baedal.bench.traffic.Menus.Menu;
import baedal.bench.traffic.Menus.OptionGroup;
import baedal.bench.traffic.Menus.ShopMenu;
import baedal.bench.traffic.OrderMix.ChosenOption;
import baedal.bench.traffic.OrderMix.Line;
import baedal.bench.traffic.OrderMix.OrderSpec;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OrderMixTests {

    private final JsonMapper json = JsonMapper.builder().build();

    private ShopMenu shop1() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/shop1-menus.json")) {
            return json.readValue(in, ShopMenu.class);
        }
    }

    @Test
    void readsTheMenuJsonAsTheApiServesIt() throws IOException {
        ShopMenu shop = shop1();
        assertThat(shop.shop().deliveryFee()).isEqualTo(3000);
        assertThat(shop.shop().minimumOrderAmount()).isEqualTo(15000);
        assertThat(shop.menus()).extracting(Menu::menuId).containsExactly(101L, 104L);
        assertThat(shop.menus().getFirst().optionGroups()).extracting(OptionGroup::minChoices).containsExactly(1, 0);
    }

    @Test
    void paymentIsMenuPlusOptionsTimesQuantitySummedPlusDeliveryFee() {
        Line chicken = new Line(101, "후라이드치킨", 20000, 2,
                List.of(new ChosenOption(1002, "부위 선택", "순살", 2000), new ChosenOption(1005, "추가 선택", "치킨무 추가", 500)));
        Line cheese = new Line(104, "치즈볼 (5개)", 4500, 1, List.of());
        assertThat(chicken.lineTotal()).isEqualTo((20000 + 2000 + 500) * 2);
        assertThat(cheese.lineTotal()).isEqualTo(4500);
    }

    @Test
    void everyGeneratedOrderIsValidAndExactlyPriced() throws IOException {
        ShopMenu shop = shop1();
        Map<Long, Menu> menus = shop.menus().stream().collect(Collectors.toMap(Menu::menuId, m -> m));
        List<OrderSpec> orders = OrderMix.generate(List.of(shop), 500, 42);
        assertThat(orders).hasSize(500);
        for (OrderSpec order : orders) {
            long itemsTotal = 0;
            for (Line line : order.lines()) {
                Menu menu = menus.get(line.menuId());
                assertThat(line.unitPrice()).isEqualTo(menu.price());
                assertThat(line.quantity()).isBetween(1, 99);
                long perUnit = menu.price();
                for (OptionGroup group : menu.optionGroups()) {
                    List<ChosenOption> inGroup = line.options().stream()
                            .filter(o -> group.options().stream().anyMatch(g -> g.optionId() == o.optionId()))
                            .toList();
                    assertThat(inGroup.size()).isBetween(group.minChoices(), group.maxChoices());
                    assertThat(inGroup).doesNotHaveDuplicates();
                    for (ChosenOption chosen : inGroup) {
                        perUnit += group.options().stream().filter(g -> g.optionId() == chosen.optionId())
                                .findFirst().orElseThrow().price();
                    }
                }
                itemsTotal += perUnit * line.quantity();
            }
            assertThat(order.itemsTotal()).isEqualTo(itemsTotal);
            assertThat(order.itemsTotal()).isGreaterThanOrEqualTo(15000);
            assertThat(order.paymentAmount()).isEqualTo(itemsTotal + 3000);
        }
    }

    @Test
    void theSameSeedGivesTheSameMix() throws IOException {
        ShopMenu shop = shop1();
        assertThat(OrderMix.generate(List.of(shop), 50, 7)).isEqualTo(OrderMix.generate(List.of(shop), 50, 7));
    }

    @Test
    void requestJsonHasTheApiShape() throws IOException {
        OrderSpec order = OrderMix.generate(List.of(shop1()), 1, 3).getFirst();
        JsonNode body = json.readTree(order.requestJson(json));
        assertThat(body.get("shopId").asLong()).isEqualTo(1);
        assertThat(body.get("paymentAmount").asLong()).isEqualTo(order.paymentAmount());
        assertThat(body.get("items").size()).isEqualTo(order.lines().size());
        assertThat(body.get("items").get(0).get("optionIds").isArray()).isTrue();
        assertThat(body.get("deliveryAddress").get("zipCode").asString()).matches("\\d{5}");
    }
}
