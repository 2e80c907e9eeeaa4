package baedal.bench.traffic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The parts of {@code GET /api/shops/{id}/menus} the harness needs to build valid, correctly priced orders. */
public final class Menus {

    private Menus() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ShopMenu(Shop shop, List<Menu> menus) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Shop(long shopId, String name, long deliveryFee, long minimumOrderAmount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Menu(long menuId, String name, long price, List<OptionGroup> optionGroups) {
        public Menu {
            optionGroups = optionGroups == null ? List.of() : List.copyOf(optionGroups);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OptionGroup(long groupId, String name, int minChoices, int maxChoices, List<Option> options) {
        public OptionGroup {
            options = options == null ? List.of() : List.copyOf(options);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Option(long optionId, String name, long price) {
    }
}
