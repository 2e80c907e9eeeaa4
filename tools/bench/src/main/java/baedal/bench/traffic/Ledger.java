package baedal.bench.traffic;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the platform acknowledged to the load generator: every order it answered 201 for, and for each the highest
 * version and status an acknowledged step brought it to. The audit holds the platform to exactly this.
 */
public final class Ledger {

    /** One acknowledged order. Fields change as acknowledged steps arrive; read them after the load has stopped. */
    public static final class Entry {
        private final long orderNo;
        private final long memberId;
        private final long shopId;
        private final long paymentAmount;
        private long version;
        private String status;
        private long riderId;

        Entry(long orderNo, long memberId, long shopId, long paymentAmount) {
            this.orderNo = orderNo;
            this.memberId = memberId;
            this.shopId = shopId;
            this.paymentAmount = paymentAmount;
        }

        public long orderNo() {
            return orderNo;
        }

        long memberId() {
            return memberId;
        }

        long shopId() {
            return shopId;
        }

        /** What the member was charged. */
        public long paymentAmount() {
            return paymentAmount;
        }

        synchronized void acknowledged(long version, String status, long riderId) {
            if (version > this.version) {
                this.version = version;
                this.status = status;
                if (riderId > 0) {
                    this.riderId = riderId;
                }
            }
        }

        public synchronized long version() {
            return version;
        }

        public synchronized String status() {
            return status;
        }

        public synchronized long riderId() {
            return riderId;
        }
    }

    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    private final LongAdder duplicateNumbers = new LongAdder();

    /**
     * Records a 201 for a new placement. A number acknowledged before for another placement (another idempotency
     * key) would be a duplicate: counted, and the first entry kept.
     */
    Entry placed(long orderNo, long memberId, long shopId, long paymentAmount, long version) {
        Entry entry = new Entry(orderNo, memberId, shopId, paymentAmount);
        entry.acknowledged(version, "PLACED", 0);
        Entry earlier = entries.putIfAbsent(orderNo, entry);
        if (earlier != null) {
            duplicateNumbers.increment();
            return earlier;
        }
        return entry;
    }

    public Collection<Entry> entries() {
        return entries.values();
    }

    public int size() {
        return entries.size();
    }

    /** How often a 201 for a new placement carried a number already acknowledged for another (must be 0). */
    public long duplicateNumbers() {
        return duplicateNumbers.sum();
    }
}
