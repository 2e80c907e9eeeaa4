package baedal.bench.baseline;

/** Rows the relays published between two polls of the pending count, and the time between those polls. */
record Drain(long rows, double seconds) {

    double perSecond() {
        return rows / seconds;
    }
}
