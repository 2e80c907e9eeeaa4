package baedal.outbox;

/**
 * A (transaction, insertion) position in the relay's read order: the writing transaction's id, then the row's
 * {@code seq}. Below the reading snapshot's xmin every transaction has ended, so a position read from there is a
 * safe cursor: no row can still appear at or below it (ADR 0004).
 */
record Position(long tx, long seq) implements Comparable<Position> {

    /** Before every row. */
    static final Position START = new Position(-1, -1);
    /** After every row. */
    static final Position END = new Position(Long.MAX_VALUE, Long.MAX_VALUE);

    static Position of(PendingEvent event) {
        return new Position(event.tx(), event.seq());
    }

    @Override
    public int compareTo(Position other) {
        int byTx = Long.compare(tx, other.tx);
        return byTx != 0 ? byTx : Long.compare(seq, other.seq);
    }

    boolean isAfter(Position other) {
        return compareTo(other) > 0;
    }
}
