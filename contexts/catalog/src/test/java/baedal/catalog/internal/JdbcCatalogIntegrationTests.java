package baedal.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

import baedal.catalog.LineSelection;
import baedal.catalog.MenuId;
import baedal.catalog.OptionId;
import baedal.catalog.PricedSelection;
import baedal.catalog.PricedSelection.PricedLine;
import baedal.catalog.PricedSelection.PricedOption;
import baedal.catalog.SelectionRejected;
import baedal.catalog.SelectionRejected.Kind;
import baedal.catalog.ShopId;
import baedal.catalog.ShopMenu;
import baedal.catalog.ShopMenu.MenuItem;
import baedal.catalog.ShopMenu.OptionGroup;
import baedal.catalog.ShopSummary;
import baedal.kernel.Money;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.List;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The catalog on a real PostgreSQL, migrated and seeded by the same Flyway scripts the service runs. */
class JdbcCatalogIntegrationTests {

    private static final ShopId CHICKEN_SHOP = new ShopId(1);
    private static final MenuId FRIED_CHICKEN = new MenuId(101);
    private static final MenuId CHEESE_BALLS = new MenuId(104);
    private static final MenuId PEPPERONI_PIZZA = new MenuId(201);
    private static final OptionId BONE_IN = new OptionId(1001);
    private static final OptionId BONELESS = new OptionId(1002);
    private static final OptionId EXTRA_CHEESE_BALLS = new OptionId(1003);
    private static final OptionId COLA = new OptionId(1004);
    private static final OptionId LARGE_PIZZA = new OptionId(2002);

    private static EmbeddedPostgres postgres;
    private static JdbcCatalog catalog;
    private static DataSource dataSource;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).load().migrate();
        catalog = new JdbcCatalog(JdbcClient.create(dataSource));
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void listsTheSeededShopsInIdOrder() {
        List<ShopSummary> shops = catalog.shops();

        assertThat(shops).extracting(shop -> shop.id().value(), ShopSummary::category).containsExactly(
                tuple(1L, "치킨"), tuple(2L, "피자"), tuple(3L, "중식"), tuple(4L, "분식"), tuple(5L, "카페/디저트"),
                tuple(6L, "한식"));
        assertThat(shops.getFirst()).isEqualTo(new ShopSummary(CHICKEN_SHOP, "바삭치킨 역삼점", "치킨",
                "서울특별시 강남구 테헤란로 152", Money.won(3000), Money.won(15000)));
    }

    @Test
    void loadsAShopsMenusWithTheirOptionGroups() {
        ShopMenu menu = catalog.menuOf(CHICKEN_SHOP).orElseThrow();

        assertThat(menu.shop().name()).isEqualTo("바삭치킨 역삼점");
        assertThat(menu.menus()).extracting(item -> item.id().value()).containsExactly(101L, 102L, 103L, 104L);
        MenuItem friedChicken = menu.menus().getFirst();
        assertThat(friedChicken.price()).isEqualTo(Money.won(20000));
        assertThat(friedChicken.optionGroups())
                .extracting(OptionGroup::name, OptionGroup::required, OptionGroup::minChoices, OptionGroup::maxChoices)
                .containsExactly(tuple("부위 선택", true, 1, 1), tuple("추가 선택", false, 0, 3));
        assertThat(friedChicken.optionGroups().getFirst().options())
                .extracting(option -> option.id().value(), ShopMenu.Option::name, ShopMenu.Option::price)
                .containsExactly(tuple(1001L, "뼈", Money.ZERO), tuple(1002L, "순살", Money.won(2000)));
        assertThat(menu.menus().getLast().optionGroups()).isEmpty();
    }

    @Test
    void findsNoMenuForAnUnlistedShop() {
        assertThat(catalog.menuOf(new ShopId(999))).isEmpty();
    }

    @Test
    void pricesAValidSelectionWithTheServersPrices() {
        PricedSelection priced = catalog.price(CHICKEN_SHOP, List.of(
                new LineSelection(FRIED_CHICKEN, 2, List.of(EXTRA_CHEESE_BALLS, BONELESS)),
                new LineSelection(CHEESE_BALLS, 1, List.of())));

        assertThat(priced.shop().deliveryFee()).isEqualTo(Money.won(3000));
        assertThat(priced.shop().minimumOrderAmount()).isEqualTo(Money.won(15000));
        assertThat(priced.lines()).extracting(PricedLine::menuName, PricedLine::unitPrice, PricedLine::quantity)
                .containsExactly(tuple("후라이드치킨", Money.won(20000), 2), tuple("치즈볼 (5개)", Money.won(4500), 1));
        assertThat(priced.lines().getFirst().options()).containsExactly(
                new PricedOption(EXTRA_CHEESE_BALLS, "추가 선택", "치즈볼", Money.won(4000)),
                new PricedOption(BONELESS, "부위 선택", "순살", Money.won(2000)));
        assertThat(itemsTotal(priced)).isEqualTo(Money.won(56500));
    }

    @Test
    void rejectsAnUnlistedShop() {
        assertRejected(() -> catalog.price(new ShopId(999), List.of(new LineSelection(FRIED_CHICKEN, 1,
                List.of(BONE_IN)))), Kind.UNKNOWN_SHOP, "shopId");
    }

    @Test
    void rejectsAMenuOfAnotherShop() {
        assertRejected(() -> catalog.price(CHICKEN_SHOP, List.of(
                new LineSelection(CHEESE_BALLS, 1, List.of()),
                new LineSelection(PEPPERONI_PIZZA, 1, List.of()))), Kind.UNKNOWN_MENU, "items[1].menuId");
    }

    @Test
    void rejectsAnOptionOfAnotherMenu() {
        assertRejected(() -> catalog.price(CHICKEN_SHOP, List.of(
                new LineSelection(FRIED_CHICKEN, 1, List.of(BONE_IN, LARGE_PIZZA)))),
                Kind.UNKNOWN_OPTION, "items[0].optionIds");
    }

    @Test
    void rejectsAMissingRequiredChoice() {
        assertRejected(() -> catalog.price(CHICKEN_SHOP, List.of(
                new LineSelection(CHEESE_BALLS, 1, List.of()),
                new LineSelection(FRIED_CHICKEN, 1, List.of(COLA)))),
                Kind.OPTION_RULES_NOT_MET, "items[1].optionIds");
    }

    @Test
    void rejectsDuplicateOptions() {
        assertRejected(() -> catalog.price(CHICKEN_SHOP, List.of(
                new LineSelection(FRIED_CHICKEN, 1, List.of(BONE_IN, COLA, COLA)))),
                Kind.OPTION_RULES_NOT_MET, "items[0].optionIds");
    }

    @Test
    void rejectsMoreChoicesThanTheGroupAllows() {
        assertRejected(() -> catalog.price(CHICKEN_SHOP, List.of(
                new LineSelection(FRIED_CHICKEN, 1, List.of(BONE_IN, BONELESS)))),
                Kind.OPTION_RULES_NOT_MET, "items[0].optionIds");
    }

    private static void assertRejected(ThrowingCallable pricing, Kind kind, String field) {
        assertThatExceptionOfType(SelectionRejected.class).isThrownBy(pricing).satisfies(rejected -> {
            assertThat(rejected.kind()).isEqualTo(kind);
            assertThat(rejected.field()).isEqualTo(field);
        });
    }

    private static Money itemsTotal(PricedSelection priced) {
        Money total = Money.ZERO;
        for (PricedLine line : priced.lines()) {
            Money unit = line.options().stream().map(PricedOption::price).reduce(line.unitPrice(), Money::plus);
            total = total.plus(unit.times(line.quantity()));
        }
        return total;
    }

    @Test
    void pricesFromAPriceListThatIsReloadedOnceItsTtlHasPassed() {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-25T03:00:00Z"));
        JdbcCatalog cached = new JdbcCatalog(JdbcClient.create(dataSource), clock, java.time.Duration.ofSeconds(10));
        List<LineSelection> cheeseBalls = List.of(new LineSelection(new MenuId(104), 1, List.of()));
        JdbcClient sql = JdbcClient.create(dataSource);
        try {
            assertThat(cached.price(new ShopId(1), cheeseBalls).lines().getFirst().unitPrice()).isEqualTo(Money.won(4_500));

            sql.sql("update menu set price = 4900 where id = 104").update();
            clock.advance(java.time.Duration.ofSeconds(9));
            assertThat(cached.price(new ShopId(1), cheeseBalls).lines().getFirst().unitPrice()).isEqualTo(Money.won(4_500));

            clock.advance(java.time.Duration.ofSeconds(1));
            assertThat(cached.price(new ShopId(1), cheeseBalls).lines().getFirst().unitPrice()).isEqualTo(Money.won(4_900));
        } finally {
            sql.sql("update menu set price = 4500 where id = 104").update();
        }
    }

    /** A clock the test moves forward by hand. */
    private static final class MutableClock extends java.time.Clock {
        private java.time.Instant now;

        MutableClock(java.time.Instant now) {
            this.now = now;
        }

        void advance(java.time.Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }
}
