package baedal.catalog.web;

import baedal.catalog.Catalog;
import baedal.catalog.ShopId;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets customers browse: the listed shops, and the menu of one shop with its option groups and prices. */
@RestController
@RequestMapping("/api/shops")
class ShopController {

    private final Catalog catalog;

    ShopController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    List<ShopResponse> shops() {
        return catalog.shops().stream().map(ShopResponse::of).toList();
    }

    @GetMapping("/{shopId}/menus")
    ShopMenuResponse menus(@PathVariable long shopId) {
        if (shopId <= 0) {
            throw new ShopNotFound(shopId);
        }
        return catalog.menuOf(new ShopId(shopId)).map(ShopMenuResponse::of)
                .orElseThrow(() -> new ShopNotFound(shopId));
    }
}
