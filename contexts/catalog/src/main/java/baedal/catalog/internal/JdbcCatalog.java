package baedal.catalog.internal;

import baedal.catalog.Catalog;
import baedal.catalog.LineSelection;
import baedal.catalog.MenuId;
import baedal.catalog.OptionId;
import baedal.catalog.PricedSelection;
import baedal.catalog.SelectionRejected;
import baedal.catalog.SelectionRejected.Kind;
import baedal.catalog.ShopId;
import baedal.catalog.ShopMenu;
import baedal.catalog.ShopMenu.MenuItem;
import baedal.catalog.ShopMenu.Option;
import baedal.catalog.ShopMenu.OptionGroup;
import baedal.catalog.ShopSummary;
import baedal.kernel.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalog on its own PostgreSQL database, read with explicit SQL.
 *
 * <p>Pricing is on the hot path of every order placement. It prices from a per-shop price list — the
 * shop and all its menus with their option groups and options, loaded in two queries — that is kept for
 * at most {@code baedal.catalog.price-list-ttl} (default 10 s) and then loaded again. The order placement
 * benchmark showed the two pricing queries per order to cost a large share of placement's CPU on a
 * 2-core box; with the cache they run once per shop per TTL. A price change therefore reaches orders
 * within the TTL on every instance; until then the order is priced as the member last saw the menu,
 * and the payment amount check keeps client and server agreeing on one total. A TTL of zero prices from
 * the database every time.
 *
 * <p>{@link #menuOf} always reads the database: two queries, whatever the number of menus and groups.
 */
@Component
class JdbcCatalog implements Catalog {

    private static final String SHOP_COLUMNS =
            "select id, name, category, address, delivery_fee, minimum_order_amount from shop";

    private static final String MENU_ROWS = """
            select m.id as menu_id, m.name as menu_name, m.description, m.price as menu_price,
                   g.id as group_id, g.name as group_name, g.min_choices, g.max_choices,
                   o.id as option_id, o.name as option_name, o.price as option_price
              from menu m
              left join option_group g on g.menu_id = m.id
              left join menu_option o on o.option_group_id = g.id
             where m.shop_id = :shopId
            """;

    private static final String MENU_ORDER = " order by m.id, g.id, o.id";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration priceListTtl;
    private final Map<ShopId, CachedPriceList> priceLists = new ConcurrentHashMap<>();

    @Autowired
    JdbcCatalog(JdbcClient jdbc, Clock clock, @Value("${baedal.catalog.price-list-ttl:10s}") Duration priceListTtl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.priceListTtl = priceListTtl;
    }

    /** A catalog that prices from the database on every call. */
    JdbcCatalog(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC(), Duration.ZERO);
    }

    @Override
    public List<ShopSummary> shops() {
        return jdbc.sql(SHOP_COLUMNS + " order by id").query(JdbcCatalog::shop).list();
    }

    @Override
    public Optional<ShopMenu> menuOf(ShopId shopId) {
        return shop(shopId).map(shop -> new ShopMenu(shop, List.copyOf(jdbc.sql(MENU_ROWS + MENU_ORDER)
                .param("shopId", shopId.value())
                .query(new MenuAssembly()).values())));
    }

    @Override
    public PricedSelection price(ShopId shopId, List<LineSelection> lines) {
        if (priceListTtl.isZero()) {
            return priceFromDatabase(shopId, lines);
        }
        Instant now = clock.instant();
        CachedPriceList cached = priceLists.get(shopId);
        if (cached == null || !now.isBefore(cached.loadedAt().plus(priceListTtl))) {
            ShopMenu menu = menuOf(shopId).orElseThrow(() -> unknownShop(shopId));
            Map<MenuId, MenuItem> menus = new LinkedHashMap<>();
            menu.menus().forEach(item -> menus.put(item.id(), item));
            cached = new CachedPriceList(new PriceList(menu.shop(), menus), now);
            priceLists.put(shopId, cached);
        }
        return cached.priceList().price(lines);
    }

    private static SelectionRejected unknownShop(ShopId shopId) {
        return new SelectionRejected(Kind.UNKNOWN_SHOP, "shopId", "shop " + shopId.value() + " is not listed");
    }

    private record CachedPriceList(PriceList priceList, Instant loadedAt) {
    }

    private PricedSelection priceFromDatabase(ShopId shopId, List<LineSelection> lines) {
        ShopSummary shop = shop(shopId).orElseThrow(() -> unknownShop(shopId));
        List<Long> menuIds = lines.stream().map(line -> line.menuId().value()).distinct().toList();
        Map<MenuId, MenuItem> menus = menuIds.isEmpty() ? Map.of()
                : jdbc.sql(MENU_ROWS + " and m.id in (:menuIds)" + MENU_ORDER)
                        .param("shopId", shopId.value())
                        .param("menuIds", menuIds)
                        .query(new MenuAssembly());
        return new PriceList(shop, menus).price(lines);
    }

    private Optional<ShopSummary> shop(ShopId shopId) {
        return jdbc.sql(SHOP_COLUMNS + " where id = :id").param("id", shopId.value())
                .query(JdbcCatalog::shop).optional();
    }

    private static ShopSummary shop(ResultSet row, int rowNumber) throws SQLException {
        return new ShopSummary(new ShopId(row.getLong("id")), row.getString("name"), row.getString("category"),
                row.getString("address"), Money.won(row.getLong("delivery_fee")),
                Money.won(row.getLong("minimum_order_amount")));
    }

    /**
     * Folds the flat rows of {@link #MENU_ROWS} (one per menu × group × option, ordered by menu, group and
     * option) back into menus with their groups and options, in id order.
     */
    private static final class MenuAssembly
            implements ResultSetExtractor<Map<MenuId, MenuItem>> {

        @Override
        public Map<MenuId, MenuItem> extractData(ResultSet row) throws SQLException {
            Map<Long, MenuRow> menus = new LinkedHashMap<>();
            while (row.next()) {
                MenuRow menu = menus.get(row.getLong("menu_id"));
                if (menu == null) {
                    menu = new MenuRow(new MenuId(row.getLong("menu_id")), row.getString("menu_name"),
                            row.getString("description"), Money.won(row.getLong("menu_price")));
                    menus.put(menu.id.value(), menu);
                }
                Long groupId = row.getObject("group_id", Long.class);
                if (groupId == null) {
                    continue;
                }
                GroupRow group = menu.groups.get(groupId);
                if (group == null) {
                    group = new GroupRow(groupId, row.getString("group_name"), row.getInt("min_choices"),
                            row.getInt("max_choices"));
                    menu.groups.put(groupId, group);
                }
                Long optionId = row.getObject("option_id", Long.class);
                if (optionId != null) {
                    group.options.add(new Option(new OptionId(optionId), row.getString("option_name"),
                            Money.won(row.getLong("option_price"))));
                }
            }
            Map<MenuId, MenuItem> items = new LinkedHashMap<>();
            menus.values().forEach(menu -> items.put(menu.id, menu.toItem()));
            return items;
        }
    }

    private static final class MenuRow {
        final MenuId id;
        final String name;
        final String description;
        final Money price;
        final Map<Long, GroupRow> groups = new LinkedHashMap<>();

        MenuRow(MenuId id, String name, String description, Money price) {
            this.id = id;
            this.name = name;
            this.description = description;
            this.price = price;
        }

        MenuItem toItem() {
            return new MenuItem(id, name, description, price,
                    groups.values().stream().map(GroupRow::toGroup).toList());
        }
    }

    private static final class GroupRow {
        final long id;
        final String name;
        final int minChoices;
        final int maxChoices;
        final List<Option> options = new ArrayList<>();

        GroupRow(long id, String name, int minChoices, int maxChoices) {
            this.id = id;
            this.name = name;
            this.minChoices = minChoices;
            this.maxChoices = maxChoices;
        }

        OptionGroup toGroup() {
            return new OptionGroup(id, name, minChoices, maxChoices, List.copyOf(options));
        }
    }
}
