package baedal.orderview.web;

/**
 * The caller asked for a member's or a shop's order history that is not its own: answered 404, as an unknown one
 * would be, so that a caller learns nothing about others.
 */
class HistoryNotFound extends RuntimeException {

    HistoryNotFound(String whose) {
        super("No order history of " + whose + " for this caller");
    }
}
