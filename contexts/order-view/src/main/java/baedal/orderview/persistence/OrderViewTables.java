package baedal.orderview.persistence;

/**
 * The tables the store works on, named in this one place: the documents, their projected events and the parked
 * records. A rebuild of the read model can fill tables of other names and swap them in (renames in one
 * transaction), or open a store on them; the SQL never names a table itself.
 */
public record OrderViewTables(String views, String events, String deadLetters) {

    /** The tables the migrations create. */
    public static final OrderViewTables ACTIVE = new OrderViewTables("order_view", "order_view_event",
            "order_view_dead_letter");

    /**
     * The tables a rebuild fills before it swaps them in: the documents and their events (parked records are not
     * rebuilt; they stay in their table).
     */
    public static final OrderViewTables NEXT = new OrderViewTables("order_view_next", "order_view_event_next",
            "order_view_dead_letter");

    /**
     * The PostgreSQL advisory lock key of the swap: every store write takes it shared in its transaction, a
     * rebuild's catch-up and swap take it exclusively, so projector batches wait while the tables are swapped.
     */
    public static final long SWAP_LOCK = 0x6F72_6465_7276_6977L;

    public OrderViewTables {
        for (String name : new String[] {views, events, deadLetters}) {
            if (name == null || !name.matches("[a-z_][a-z0-9_]{0,62}")) {
                throw new IllegalArgumentException("not a plain table name: " + name);
            }
        }
    }
}
