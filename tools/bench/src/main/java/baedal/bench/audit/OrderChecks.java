package baedal.bench.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What the audit holds one acknowledged order to, as pure functions of what was acknowledged and what the shard,
 * Kafka and the read model hold: each returns why the order fails its check, or {@code null}.
 */
final class OrderChecks {

    private OrderChecks() {
    }

    /**
     * Why the shard does not hold what was acknowledged, or {@code null}: it must be at least at the acknowledged
     * version, and at that very version in the acknowledged status, with the acknowledged rider once one was.
     */
    static String changeLost(long acknowledgedVersion, String acknowledgedStatus, long acknowledgedRider,
            long version, String status, Long rider) {
        if (version < acknowledgedVersion) {
            return "at version " + version + ", but version " + acknowledgedVersion + " (" + acknowledgedStatus
                    + ") was acknowledged";
        }
        if (version == acknowledgedVersion && !status.equals(acknowledgedStatus)) {
            return "version " + version + " is " + status + ", but " + acknowledgedStatus + " was acknowledged";
        }
        if (acknowledgedRider > 0 && (rider == null || rider != acknowledgedRider)) {
            return "rider " + rider + ", but rider " + acknowledgedRider + " was acknowledged";
        }
        return null;
    }

    /**
     * Which versions from 1 to {@code version} the read model never recorded as projected, or {@code null} (its
     * primary key keeps one record per version, so a gap, not a repeat, is what can go wrong there).
     */
    static String versionsMissing(long version, List<Long> projected) {
        Set<Long> recorded = new HashSet<>(projected);
        List<Long> missing = new ArrayList<>();
        for (long v = 1; v <= version; v++) {
            if (!recorded.contains(v)) {
                missing.add(v);
            }
        }
        return missing.isEmpty() ? null : "the read model never recorded versions " + missing + " of " + version;
    }

    /**
     * What a duplicate applied twice would leave behind, or {@code null}: the document must show the shard's status,
     * the payment the member was charged, one timeline entry per status and no more entries than versions.
     */
    static String duplicatedEffect(long paymentAmount, String status, long version, JsonNode document) {
        if (document == null) {
            return "no document";
        }
        if (!status.equals(document.path("status").asString())) {
            return "document status " + document.path("status").asString() + ", shard status " + status;
        }
        long charged = document.path("payment").path("paymentAmount").asLong(-1);
        if (charged != paymentAmount) {
            return "document payment " + charged + ", charged " + paymentAmount;
        }
        JsonNode timeline = document.path("timeline");
        Set<String> statuses = new HashSet<>();
        for (JsonNode step : timeline) {
            if (!statuses.add(step.path("status").asString())) {
                return "status " + step.path("status").asString() + " twice in the timeline";
            }
        }
        if (timeline.size() > version) {
            return timeline.size() + " timeline entries for version " + version;
        }
        return null;
    }
}
