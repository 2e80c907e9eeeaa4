package baedal.bench.traffic;

/** The endpoints the traffic uses; lifecycle steps carry the status they lead to. */
public enum Endpoint {
    PLACE("POST /api/orders", null, null),
    ACCEPT("POST /api/orders/{no}/accept", "accept", "ACCEPTED"),
    REJECT("POST /api/orders/{no}/reject", "reject", "REJECTED"),
    CANCEL("POST /api/orders/{no}/cancel", "cancel", "CANCELLED"),
    DISPATCH("POST /api/orders/{no}/dispatch", "dispatch", "RIDER_DISPATCHED"),
    ARRIVE("POST /api/orders/{no}/arrive-at-shop", "arrive-at-shop", "RIDER_AT_SHOP"),
    PICK_UP("POST /api/orders/{no}/pick-up", "pick-up", "PICKED_UP"),
    DELIVER("POST /api/orders/{no}/deliver", "deliver", "DELIVERED"),
    READ_ORDER("GET /api/orders/{no}", null, null),
    HISTORY("GET /api/members/{id}/orders", null, null),
    VIEW("GET /api/order-views/{no}?minVersion=", null, null);

    final String label;
    final String action;
    final String status;

    Endpoint(String label, String action, String status) {
        this.label = label;
        this.action = action;
        this.status = status;
    }

    /** The endpoint as reports name it, e.g. {@code POST /api/orders/{no}/accept}. */
    public String label() {
        return label;
    }
}
