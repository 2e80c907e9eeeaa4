package baedal.peer;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one peer run reports; written as JSON to {@code --out}. Latencies are in milliseconds, taken from
 * HdrHistograms recorded in microseconds with three significant digits, in the same shape as the harness's own
 * results so the two can be read side by side.
 *
 * @param warmupSeconds          the warm-up's load, same model as the window, not measured
 * @param warmupCommitted        orders committed during the warm-up
 * @param warmupDrainSeconds     how long, after the warm-up's load stopped, the registry took to complete the
 *                               warm-up's publications (the window starts after that, without a backlog)
 * @param incompleteAfterWarmup  publications still incomplete when the window started anyway
 * @param ordersPerSecond        orders committed inside the measured window per second
 * @param placementLatency       from the (intended) start of a placement to its return after the commit
 * @param commitToAck            per measured event: the registry's {@code completion_date - publication_date}, i.e.
 *                               from the publication inside the order's transaction (its last statement before
 *                               the commit) to Modulith marking it completed after Kafka acknowledged the record
 * @param publicationsExpected   measured orders, each of which must have one publication
 * @param publicationsMissing    measured orders with no publication at all
 * @param incompletePublications measured orders whose publication was still not completed after the wait
 * @param incompletePublicationsTotal every incomplete publication in the registry after the wait (warm-up too)
 * @param completionWaitedSeconds how long, after the window, the registry took to complete every publication (or
 *                               the wait's limit, {@code config.completionWaitSeconds}, when some were left)
 * @param eventsExpected         measured orders, each of which must be on Kafka
 * @param eventsFoundOnKafka     of those, how many were found as a record keyed by their order number
 * @param eventsMissingOnKafka   expected but not found
 * @param duplicateEventsOnKafka records of measured orders found more than once
 * @param mismatchedEventsOnKafka records whose value's order number is not their key
 * @param errors                 failed placements of the window by kind
 */
public record PeerResult(String benchmark, String title, String modulithVersion, String springBootVersion,
        Config config, Machine machine, String model, double warmupSeconds, long warmupCommitted,
        double warmupDrainSeconds, long incompleteAfterWarmup, double measureSeconds, long attempted,
        long committed, double ordersPerSecond, List<Long> perSecond, Latency placementLatency, Latency commitToAck,
        long publicationsExpected, long publicationsMissing, long incompletePublications,
        long incompletePublicationsTotal, double completionWaitedSeconds, long eventsExpected, long eventsFoundOnKafka,
        long eventsMissingOnKafka, long duplicateEventsOnKafka, long mismatchedEventsOnKafka,
        Map<String, Long> errors, Map<String, String> firstErrors, boolean success, List<String> notes,
        String summary) {

    /** Latency percentiles in milliseconds, from an HdrHistogram recorded in microseconds. */
    public record Latency(long samples, double mean, double p50, double p90, double p99, double p999, double max) {

        public static Latency of(Histogram micros) {
            if (micros.getTotalCount() == 0) {
                return new Latency(0, 0, 0, 0, 0, 0, 0);
            }
            return new Latency(micros.getTotalCount(), ms(micros.getMean()), ms(micros.getValueAtPercentile(50)),
                    ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(99)),
                    ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()));
        }

        private static double ms(double micros) {
            return Math.round(micros / 10.0) / 100.0;
        }
    }

    /** How the run was configured; the JDBC password is never reported. */
    public record Config(String model, String jdbcUrl, String jdbcUser, String kafka, String topic, int partitions,
            int concurrency, int poolSize, int warmupSeconds, int durationSeconds, Double rate, int maxInFlight,
            int completionWaitSeconds, long seed, int mixSize, Map<String, String> springProperties) {
    }

    /** Where it ran. */
    public record Machine(int cores, String jdk, String os, long maxHeapMb, String postgres, String kafkaClient,
            String date) {
    }
}
