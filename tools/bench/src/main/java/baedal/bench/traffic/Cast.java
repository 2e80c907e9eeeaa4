package baedal.bench.traffic;

import baedal.bench.identity.Subject;

/**
 * Who sends each request of an order's life, as the platform's roles and ownership rules want it: the member places,
 * reads and cancels its own orders; the order's shop accepts or rejects it; the rider dispatches itself and moves the
 * orders dispatched to it; an operator cancels, giving a reason ({@code Baedal-Reason}) as every operator change must.
 */
final class Cast {

    /** The why of the traffic's operator cancellations (a header: US-ASCII). */
    static final String OPERATOR_REASON = "bench: operator cancellation of a simulated order";

    private Cast() {
    }

    /**
     * The caller of {@code endpoint} for an order of {@code memberId} at {@code shopId}, carried by {@code riderId}
     * (0 before a dispatch); {@code byOperator}: a cancellation by an operator rather than by the member.
     */
    static Subject of(Endpoint endpoint, long memberId, long shopId, long riderId, boolean byOperator) {
        return switch (endpoint) {
            case PLACE, READ_ORDER, HISTORY, VIEW -> Subject.member(memberId);
            case CANCEL -> byOperator ? Subject.operator() : Subject.member(memberId);
            case ACCEPT, REJECT -> Subject.shop(shopId);
            case DISPATCH, ARRIVE, PICK_UP, DELIVER -> Subject.rider(riderId);
        };
    }

    /** The {@code Baedal-Reason} the caller sends with a change: an operator's reason, else none. */
    static String reason(Subject caller) {
        return caller.isOperator() ? OPERATOR_REASON : null;
    }
}
