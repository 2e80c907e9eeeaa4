package baedal.orderview.web;

import baedal.identity.Caller;
import baedal.kernel.Violations;
import baedal.order.events.OrderEventStatus;
import baedal.orderview.OrderHistory;
import baedal.orderview.OrderView;
import baedal.orderview.OrderViewProperties;
import baedal.orderview.OrderViewStore;
import baedal.orderview.PageCursor;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The order-history API, served from the read model only: one order's document, a member's orders (newest first,
 * keyset pages with an opaque cursor), a shop's orders of a business day. A reader that has just changed an order
 * may ask for {@code minVersion}: the read waits (bounded) for the projection to catch up and marks a response
 * that did not catch up with {@code Baedal-Stale: true}.
 */
@RestController
class OrderViewController {

    static final String STALE = "Baedal-Stale";
    static final String VIEW_VERSION = "Baedal-View-Version";

    private final OrderHistory history;
    private final OrderViewProperties properties;

    OrderViewController(OrderHistory history, OrderViewProperties properties) {
        this.history = history;
        this.properties = properties;
    }

    /** A page of order documents; {@code nextCursor} is null on the last page. */
    record HistoryPage(List<OrderView> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {

        static HistoryPage of(OrderHistory.Page page) {
            return new HistoryPage(page.items(), page.next() == null ? null : page.next().encode());
        }
    }

    @GetMapping(path = "/api/order-views/{orderNo}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OrderView> one(@PathVariable String orderNo,
            @RequestParam(required = false) String minVersion, Caller caller) throws InterruptedException {
        long no = orderNumber(orderNo);
        if (minVersion == null) {
            OrderView view = history.find(no).filter(found -> mayRead(caller, found))
                    .orElseThrow(() -> new OrderViewNotFound(orderNo, false));
            return ResponseEntity.ok().eTag(etag(view)).header(VIEW_VERSION, Long.toString(view.version())).body(view);
        }
        long wanted = positive(minVersion, "minVersion");
        OrderHistory.Found found = history.find(no, wanted);
        OrderView view = found.view().filter(shown -> mayRead(caller, shown))
                .orElseThrow(() -> new OrderViewNotFound(orderNo, found.stale() && found.view().isEmpty()));
        return ResponseEntity.ok().eTag(etag(view))
                .header(VIEW_VERSION, Long.toString(view.version()))
                .header(STALE, Boolean.toString(found.stale()))
                .body(view);
    }

    @GetMapping(path = "/api/members/{memberId}/orders", produces = MediaType.APPLICATION_JSON_VALUE)
    HistoryPage memberOrders(@PathVariable String memberId, @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String size,
            Caller caller) {
        Violations violations = new Violations();
        long member = positiveOr(memberId, "memberId", violations);
        if (member != 0 && !caller.isOperator() && !caller.isMember(member)) {
            throw new HistoryNotFound("member " + member);
        }
        Set<OrderEventStatus> statuses = statuses(status, violations);
        LocalDate fromDay = date(from, "from", violations);
        LocalDate toDay = date(to, "to", violations);
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            violations.add("from", "must not be after to");
        }
        int pageSize = size(size, violations);
        PageCursor after = cursor(cursor, violations);
        Instant since = fromDay == null ? null : history.startOf(fromDay);
        Instant until = toDay == null ? null : history.startOf(toDay.plusDays(1));
        return HistoryPage.of(history.memberOrders(member, new OrderViewStore.HistoryFilter(statuses, since, until),
                after, pageSize));
    }

    @GetMapping(path = "/api/shops/{shopId}/orders", produces = MediaType.APPLICATION_JSON_VALUE)
    HistoryPage shopOrders(@PathVariable String shopId, @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) String date, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String size, Caller caller) {
        Violations violations = new Violations();
        long shop = positiveOr(shopId, "shopId", violations);
        if (shop != 0 && !caller.isOperator() && !caller.ownsShop(shop)) {
            throw new HistoryNotFound("shop " + shop);
        }
        Set<OrderEventStatus> statuses = statuses(status, violations);
        LocalDate day = date(date, "date", violations);
        int pageSize = size(size, violations);
        PageCursor after = cursor(cursor, violations);
        return HistoryPage.of(history.shopOrders(shop, day == null ? history.today() : day, statuses, after,
                pageSize));
    }

    /** The order's member, its shop, the rider it is dispatched to, or an operator; others are told no such order. */
    private static boolean mayRead(Caller caller, OrderView view) {
        return caller.isOperator() || caller.isMember(view.member().memberId()) || caller.ownsShop(view.shop().shopId())
                || (view.rider() != null && caller.isRider(view.rider().riderId()));
    }

    private static String etag(OrderView view) {
        return "\"" + view.version() + "\"";
    }

    /** A malformed order number names no order: 404, as on the order API. */
    private static long orderNumber(String text) {
        if (text == null || !text.matches("\\d{4,18}")) {
            throw new OrderViewNotFound(text, false);
        }
        return Long.parseLong(text);
    }

    private static long positive(String text, String field) {
        Violations violations = new Violations();
        long value = positiveOr(text, field, violations);
        violations.throwIfAny();
        return value;
    }

    private static long positiveOr(String text, String field, Violations violations) {
        if (text == null || !text.matches("\\d{1,18}") || Long.parseLong(text) < 1) {
            violations.add(field, "must be a positive whole number");
            return 0;
        }
        return Long.parseLong(text);
    }

    private static Set<OrderEventStatus> statuses(List<String> names, Violations violations) {
        Set<OrderEventStatus> statuses = EnumSet.noneOf(OrderEventStatus.class);
        if (names == null) {
            return statuses;
        }
        for (String name : names) {
            if (name == null || name.isBlank()) {
                continue;
            }
            try {
                statuses.add(OrderEventStatus.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                violations.add("status", "unknown status '" + name + "'; one of " + List.of(OrderEventStatus.values()));
            }
        }
        return statuses;
    }

    /**
     * A business day of years 1 to 9999: {@code LocalDate} would take {@code +999999999-12-31}, whose next day
     * does not exist and which no database stores.
     */
    private static LocalDate date(String text, String field, Violations violations) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text);
            if (day.getYear() < 1 || day.getYear() > 9999) {
                violations.add(field, "must be a date of the years 0001 to 9999, like 2026-11-25");
                return null;
            }
            return day;
        } catch (DateTimeParseException malformed) {
            violations.add(field, "must be a date like 2026-11-25");
            return null;
        }
    }

    private int size(String text, Violations violations) {
        if (text == null || text.isEmpty()) {
            return properties.defaultPageSize();
        }
        if (!text.matches("\\d{1,4}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > properties.maxPageSize()) {
            violations.add("size", "must be within 1.." + properties.maxPageSize());
            return properties.defaultPageSize();
        }
        return Integer.parseInt(text);
    }

    /**
     * Checks every other violation first: a cursor that is the only problem is answered with its own type
     * ({@code invalid-cursor}); among other problems it is one more field error.
     */
    private static PageCursor cursor(String token, Violations violations) {
        PageCursor cursor = null;
        PageCursor.InvalidCursor invalid = null;
        if (token != null && !token.isEmpty()) {
            try {
                cursor = PageCursor.decode(token);
            } catch (PageCursor.InvalidCursor bad) {
                invalid = bad;
            }
        }
        if (invalid != null && violations.isEmpty()) {
            throw invalid;
        }
        if (invalid != null) {
            violations.add("cursor", invalid.getMessage());
        }
        violations.throwIfAny();
        return cursor;
    }
}
