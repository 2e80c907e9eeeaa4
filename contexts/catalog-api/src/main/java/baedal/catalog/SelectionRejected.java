package baedal.catalog;

/**
 * The catalog refused to price a selection. {@link #field()} is the path of the offending part of the
 * selection as the caller sent it ({@code shopId}, {@code items[1].menuId}, {@code items[0].optionIds}),
 * and {@link #reason()} says what is wrong.
 */
public class SelectionRejected extends RuntimeException {

    /** What kind of problem it was: something unknown, or choice rules not satisfied. */
    public enum Kind { UNKNOWN_SHOP, UNKNOWN_MENU, UNKNOWN_OPTION, OPTION_RULES_NOT_MET }

    private final Kind kind;
    private final String field;
    private final String reason;

    public SelectionRejected(Kind kind, String field, String reason) {
        super(field + ": " + reason);
        this.kind = kind;
        this.field = field;
        this.reason = reason;
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
