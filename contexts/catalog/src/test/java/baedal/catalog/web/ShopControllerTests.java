package baedal.catalog.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import baedal.catalog.Catalog;
import baedal.catalog.LineSelection;
import baedal.catalog.MenuId;
import baedal.catalog.OptionId;
import baedal.catalog.PricedSelection;
import baedal.catalog.ShopId;
import baedal.catalog.ShopMenu;
import baedal.catalog.ShopMenu.MenuItem;
import baedal.catalog.ShopMenu.Option;
import baedal.catalog.ShopMenu.OptionGroup;
import baedal.catalog.ShopSummary;
import baedal.kernel.Money;
import baedal.platform.web.ProblemHandling;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The shop browsing API over an in-memory catalog, without a Spring context or a database. */
class ShopControllerTests {

    private static final ShopSummary CHICKEN_SHOP = new ShopSummary(new ShopId(1), "바삭치킨 역삼점", "치킨",
            "서울특별시 강남구 테헤란로 152", Money.won(3000), Money.won(15000));

    private static final ShopMenu CHICKEN_MENU = new ShopMenu(CHICKEN_SHOP, List.of(new MenuItem(new MenuId(101),
            "후라이드치킨", "겉바속촉", Money.won(20000), List.of(new OptionGroup(1, "부위 선택", 1, 1, List.of(
                    new Option(new OptionId(1001), "뼈", Money.ZERO),
                    new Option(new OptionId(1002), "순살", Money.won(2000))))))));

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new ShopController(new OneShopCatalog()))
            .setControllerAdvice(new CatalogProblemHandling(), new ProblemHandling())
            .build();

    @Test
    void listsShopsWithAmountsInWholeWon() throws Exception {
        mvc.perform(get("/api/shops"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].shopId").value(1))
                .andExpect(jsonPath("$[0].name").value("바삭치킨 역삼점"))
                .andExpect(jsonPath("$[0].deliveryFee").value(3000))
                .andExpect(jsonPath("$[0].minimumOrderAmount").value(15000));
    }

    @Test
    void showsAShopsMenuWithItsOptionGroups() throws Exception {
        mvc.perform(get("/api/shops/1/menus"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shop.shopId").value(1))
                .andExpect(jsonPath("$.menus[0].menuId").value(101))
                .andExpect(jsonPath("$.menus[0].price").value(20000))
                .andExpect(jsonPath("$.menus[0].optionGroups[0].groupId").value(1))
                .andExpect(jsonPath("$.menus[0].optionGroups[0].required").value(true))
                .andExpect(jsonPath("$.menus[0].optionGroups[0].maxChoices").value(1))
                .andExpect(jsonPath("$.menus[0].optionGroups[0].options[1].optionId").value(1002))
                .andExpect(jsonPath("$.menus[0].optionGroups[0].options[1].name").value("순살"))
                .andExpect(jsonPath("$.menus[0].optionGroups[0].options[1].price").value(2000));
    }

    @Test
    void answersAnUnlistedShopWithAShopNotFoundProblem() throws Exception {
        mvc.perform(get("/api/shops/999/menus"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://baedal.io/problems/shop-not-found"))
                .andExpect(jsonPath("$.title").value("Shop not found"));
    }

    @Test
    void answersANonPositiveShopIdAsNotFound() throws Exception {
        mvc.perform(get("/api/shops/0/menus"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://baedal.io/problems/shop-not-found"));
    }

    /** A catalog that lists only the chicken shop. */
    private static final class OneShopCatalog implements Catalog {

        @Override
        public List<ShopSummary> shops() {
            return List.of(CHICKEN_SHOP);
        }

        @Override
        public Optional<ShopMenu> menuOf(ShopId shopId) {
            return shopId.equals(CHICKEN_SHOP.id()) ? Optional.of(CHICKEN_MENU) : Optional.empty();
        }

        @Override
        public PricedSelection price(ShopId shopId, List<LineSelection> lines) {
            throw new UnsupportedOperationException("the shop browsing API never prices");
        }
    }
}
