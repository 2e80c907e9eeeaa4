package baedal.order.web;

import baedal.identity.Caller;
import baedal.kernel.InvalidInput;
import baedal.order.ActingForAnother;
import baedal.order.Cancellation;
import baedal.order.IdempotencyKey;
import baedal.order.Order;
import baedal.order.OrderDocuments;
import baedal.order.OrderFulfilment;
import baedal.order.OrderNo;
import baedal.order.OrderNotFound;
import baedal.order.OrderPlacement;
import baedal.order.Orders;
import baedal.order.RiderId;
import baedal.order.events.OrderDocument;
import java.net.URI;
import java.util.OptionalLong;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The order API: placing an order, reading it from its shard, and each lifecycle step. Every response
 * carries the order's version as its {@code ETag}; a step sent with {@code If-Match: <version>} happens only
 * if the order is still at that version.
 */
@RestController
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final OrderPlacement placement;
    private final OrderFulfilment fulfilment;

    OrderController(OrderPlacement placement, OrderFulfilment fulfilment) {
        this.placement = placement;
        this.fulfilment = fulfilment;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OrderDocument> place(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            @RequestBody PlaceOrderRequest request, Caller caller) {
        IdempotencyKey idempotencyKey = idempotencyKey(caller, key);
        Orders.Placed placed = placement.place(idempotencyKey, request.toCommand(caller));
        Order.Snapshot order = placed.order();
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/orders/" + order.orderNo()))
                .eTag(etag(order))
                .header(REPLAYED, Boolean.toString(!placed.created()))
                .body(OrderDocuments.of(order));
    }

    @GetMapping("/{orderNo}")
    ResponseEntity<OrderDocument> get(@PathVariable String orderNo, Caller caller) {
        return ok(fulfilment.get(caller, orderNo(orderNo)));
    }

    @PostMapping("/{orderNo}/accept")
    ResponseEntity<OrderDocument> accept(@PathVariable String orderNo,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody AcceptRequest request, Caller caller) {
        OrderNo no = orderNo(orderNo);
        return ok(fulfilment.accept(caller, no, expectedVersion(ifMatch), request.validCookingMinutes()));
    }

    @PostMapping("/{orderNo}/reject")
    ResponseEntity<OrderDocument> reject(@PathVariable String orderNo,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ReasonRequest request, Caller caller) {
        OrderNo no = orderNo(orderNo);
        return ok(fulfilment.reject(caller, no, expectedVersion(ifMatch), request.validReason()));
    }

    @PostMapping("/{orderNo}/cancel")
    ResponseEntity<OrderDocument> cancel(@PathVariable String orderNo,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody CancelRequest request, Caller caller) {
        OrderNo no = orderNo(orderNo);
        String reason = request.validReason(caller);
        return ok(fulfilment.cancel(caller, no, expectedVersion(ifMatch), reason));
    }

    @PostMapping("/{orderNo}/dispatch")
    ResponseEntity<OrderDocument> dispatch(@PathVariable String orderNo,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody DispatchRequest request, Caller caller) {
        OrderNo no = orderNo(orderNo);
        return ok(fulfilment.dispatch(caller, no, expectedVersion(ifMatch), request.validRider(caller)));
    }

    @PostMapping("/{orderNo}/arrive-at-shop")
    ResponseEntity<OrderDocument> arriveAtShop(@PathVariable String orderNo,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        OrderNo no = orderNo(orderNo);
        return ok(fulfilment.arriveAtShop(caller, no, expectedVersion(ifMatch)));
    }

    @PostMapping("/{orderNo}/pick-up")
    ResponseEntity<OrderDocument> pickUp(@PathVariable String orderNo,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        OrderNo no = orderNo(orderNo);
        return ok(fulfilment.pickUp(caller, no, expectedVersion(ifMatch)));
    }

    @PostMapping("/{orderNo}/deliver")
    ResponseEntity<OrderDocument> deliver(@PathVariable String orderNo,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        OrderNo no = orderNo(orderNo);
        return ok(fulfilment.deliver(caller, no, expectedVersion(ifMatch)));
    }

    private static ResponseEntity<OrderDocument> ok(Order.Snapshot order) {
        return ResponseEntity.ok().eTag(etag(order)).body(OrderDocuments.of(order));
    }

    private static String etag(Order.Snapshot order) {
        return "\"" + order.version() + "\"";
    }

    private static OrderNo orderNo(String text) {
        return OrderNo.parse(text).orElseThrow(() -> new OrderNotFound(text));
    }

    /** The caller's key: scoped to its subject, so another caller's same key never finds this caller's order. */
    private static IdempotencyKey idempotencyKey(Caller caller, String key) {
        if (key == null || key.isEmpty()) {
            throw InvalidInput.of(IDEMPOTENCY_KEY, "header is required");
        }
        try {
            return IdempotencyKey.of(caller.subject(), key);
        } catch (IllegalArgumentException invalid) {
            throw InvalidInput.of(IDEMPOTENCY_KEY, invalid.getMessage());
        }
    }

    /** Reads {@code If-Match: 3}, {@code "3"} or {@code W/"3"}; absent means unconditional. */
    static OptionalLong expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return OptionalLong.empty();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        if (!tag.matches("\\d{1,18}")) {
            throw InvalidInput.of(HttpHeaders.IF_MATCH, "must be an order version, e.g. \"3\"");
        }
        return OptionalLong.of(Long.parseLong(tag));
    }

    record AcceptRequest(Integer cookingMinutes) {
        int validCookingMinutes() {
            if (cookingMinutes == null) {
                throw InvalidInput.of("cookingMinutes", "is required");
            }
            if (cookingMinutes < 1 || cookingMinutes > 180) {
                throw InvalidInput.of("cookingMinutes", "must be within 1..180");
            }
            return cookingMinutes;
        }
    }

    record ReasonRequest(String reason) {
        String validReason() {
            return validText(reason, "reason");
        }
    }

    /** Who cancels is the caller (an operator as OPERATOR, the member as MEMBER); {@code cancelledBy} may only agree. */
    record CancelRequest(String reason, String cancelledBy) {
        String validReason(Caller caller) {
            String why = validText(reason, "reason");
            if (cancelledBy != null) {
                Cancellation.By by;
                try {
                    by = Cancellation.By.valueOf(cancelledBy);
                } catch (IllegalArgumentException unknown) {
                    throw InvalidInput.of("cancelledBy", "must be MEMBER or OPERATOR");
                }
                if ((by == Cancellation.By.OPERATOR) != caller.isOperator()) {
                    throw new ActingForAnother("cancelledBy", "an order is cancelled by who the caller is");
                }
            }
            return why;
        }
    }

    /** A rider may omit {@code riderId}: it takes the dispatch for itself. */
    record DispatchRequest(Long riderId) {
        RiderId validRider(Caller caller) {
            if (riderId == null && caller.riderId().isPresent() && !caller.isOperator()) {
                return new RiderId(caller.riderId().getAsLong());
            }
            if (riderId == null) {
                throw InvalidInput.of("riderId", "is required");
            }
            if (riderId <= 0) {
                throw InvalidInput.of("riderId", "must be positive");
            }
            return new RiderId(riderId);
        }
    }

    private static String validText(String text, String field) {
        if (text == null || text.isBlank()) {
            throw InvalidInput.of(field, "is required");
        }
        if (text.length() > PlaceOrderRequest.MAX_TEXT) {
            throw InvalidInput.of(field, "must have at most " + PlaceOrderRequest.MAX_TEXT + " characters");
        }
        return text;
    }
}
