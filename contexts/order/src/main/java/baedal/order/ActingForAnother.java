package baedal.order;

/**
 * The caller asked to act for someone it is not: a member placing an order for another member, a rider taking a
 * dispatch for another rider, a member cancelling as an operator. Answered 403: the caller's own data is not at
 * stake, only who it claims to be.
 */
public class ActingForAnother extends RuntimeException {

    private final String field;
    private final String reason;

    public ActingForAnother(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** Why the field is refused. */
    public String reason() {
        return reason;
    }

    /** The request field that names the other party. */
    public String field() {
        return field;
    }
}
