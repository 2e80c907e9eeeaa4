package baedal.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The catalog context as other contexts see it: which shops exist, what they sell, and at what price.
 * Prices are the server's: a caller names menus and options, and the catalog prices them. This interface
 * is the only thing other contexts depend on; the implementation is a runtime-only dependency.
 */
public interface Catalog {

    /** Every shop that is listed, ordered by id. */
    List<ShopSummary> shops();

    /** The full menu of one shop, or empty if no such shop is listed. */
    Optional<ShopMenu> menuOf(ShopId shopId);

    /**
     * Prices a selection of menus and options of one shop. Throws {@link SelectionRejected} naming the
     * offending field when the shop, a menu or an option is unknown, or an option group's choice rules
     * (required, minimum, maximum) are not met.
     */
    PricedSelection price(ShopId shopId, List<LineSelection> lines);
}
