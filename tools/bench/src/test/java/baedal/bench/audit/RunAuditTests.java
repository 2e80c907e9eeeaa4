package baedal.bench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RunAuditTests {

    private static final long S = 1_000_000;

    private static JsonNode document(String status, long payment, String... timeline) {
        StringBuilder steps = new StringBuilder();
        for (String step : timeline) {
            steps.append(steps.isEmpty() ? "" : ",").append("{\"status\":\"").append(step)
                    .append("\",\"at\":\"2026-12-02T12:00:00Z\"}");
        }
        return JsonMapper.shared().readTree("{\"status\":\"" + status + "\",\"payment\":{\"paymentAmount\":" + payment
                + "},\"timeline\":[" + steps + "]}");
    }

    @Test
    void aDocumentAsTheOrderHasItShowsNoDuplicatedEffect() {
        JsonNode delivered = document("DELIVERED", 25_000, "PLACED", "ACCEPTED", "RIDER_DISPATCHED", "RIDER_AT_SHOP",
                "PICKED_UP", "DELIVERED");
        assertThat(OrderChecks.duplicatedEffect(25_000, "DELIVERED", 6, delivered)).isNull();
    }

    @Test
    void findsWhatADuplicateAppliedTwiceWouldLeave() {
        JsonNode accepted = document("ACCEPTED", 25_000, "PLACED", "ACCEPTED");
        assertThat(OrderChecks.duplicatedEffect(12_500, "ACCEPTED", 2, accepted)).contains("payment 25000, charged 12500");
        assertThat(OrderChecks.duplicatedEffect(25_000, "ACCEPTED", 2,
                document("ACCEPTED", 25_000, "PLACED", "ACCEPTED", "ACCEPTED"))).contains("ACCEPTED twice");
        assertThat(OrderChecks.duplicatedEffect(25_000, "ACCEPTED", 1, accepted)).contains("2 timeline entries for version 1");
        assertThat(OrderChecks.duplicatedEffect(25_000, "CANCELLED", 2, accepted)).contains("shard status CANCELLED");
        assertThat(OrderChecks.duplicatedEffect(25_000, "PLACED", 1, null)).isEqualTo("no document");
    }

    @Test
    void aVersionTheReadModelNeverRecordedIsFound() {
        assertThat(OrderChecks.versionsMissing(6, List.of(3L, 1L, 2L, 4L, 6L, 5L))).isNull();
        assertThat(OrderChecks.versionsMissing(4, List.of(1L, 2L, 4L))).contains("[3] of 4");
        assertThat(OrderChecks.versionsMissing(2, List.of())).contains("[1, 2] of 2");
    }

    @Test
    void anAcknowledgedChangeTheShardDoesNotHoldIsLost() {
        assertThat(OrderChecks.changeLost(3, "RIDER_DISPATCHED", 70_001, 3, "RIDER_DISPATCHED", 70_001L)).isNull();
        assertThat(OrderChecks.changeLost(3, "RIDER_DISPATCHED", 70_001, 5, "PICKED_UP", 70_001L)).isNull();
        assertThat(OrderChecks.changeLost(2, "ACCEPTED", 0, 1, "PLACED", null)).contains("at version 1, but version 2");
        assertThat(OrderChecks.changeLost(2, "ACCEPTED", 0, 2, "CANCELLED", null))
                .contains("version 2 is CANCELLED, but ACCEPTED was acknowledged");
        assertThat(OrderChecks.changeLost(3, "RIDER_DISPATCHED", 70_001, 3, "RIDER_DISPATCHED", 70_002L))
                .contains("rider 70002, but rider 70001");
        assertThat(OrderChecks.changeLost(3, "RIDER_DISPATCHED", 70_001, 3, "RIDER_DISPATCHED", null))
                .contains("rider null");
    }

    @Test
    void lagIsBackUnderASecondOnceEveryEventOlderThanASecondIsDone() {
        // Events written at 0..9 s; those written at 3..5 s wait until 12 s (an outage), the rest take 0.1 s.
        long[] written = new long[10];
        long[] done = new long[10];
        for (int i = 0; i < 10; i++) {
            written[i] = i * S;
            done[i] = i >= 3 && i <= 5 ? 12 * S : i * S + S / 10;
        }
        assertThat(EventTimes.lagBackUnderASecond(written, done, 6 * S, 30 * S)).isEqualTo(12 * S);
        assertThat(EventTimes.lagBackUnderASecond(written, done, 13 * S, 30 * S)).isEqualTo(13 * S);
        assertThat(EventTimes.lagBackUnderASecond(written, done, 2 * S, 30 * S)).isEqualTo(2 * S);
    }

    @Test
    void anEventNeverDoneKeepsTheLagOverASecond() {
        long[] written = {0, S, 2 * S};
        long[] done = {S / 10, Long.MAX_VALUE, 2 * S + S / 10};
        assertThat(EventTimes.lagBackUnderASecond(written, done, 2 * S, 20 * S)).isEqualTo(-1);
    }

    @Test
    void delaysCountOnlyEventsThatWereDone() {
        long[] written = {0, S, 2 * S};
        long[] done = {S / 10, Long.MAX_VALUE, 2 * S + S / 5};
        assertThat(EventTimes.delays(written, done).getTotalCount()).isEqualTo(2);
        assertThat(EventTimes.delays(written, done).getMaxValue()).isBetween(199_000L, 201_000L);
    }

    @Test
    void theHarnesssKeysAreOnePlacementWhateverCallerScopeThePlatformStoredThemUnder() {
        String key = "3f2a1b4c-5d6e-4f70-8192-a3b4c5d6e7f8";
        assertThat(RunAudit.placement(key)).isEqualTo(key);
        assertThat(RunAudit.placement("member-1001:" + key)).isEqualTo(key);
        assertThat(RunAudit.placement("operator:" + key.toUpperCase())).isEqualTo(key);
    }

    @Test
    void anotherClientsKeysArePlacementsPerStoredValue() {
        assertThat(RunAudit.placement("member-1001:order-1")).isEqualTo("member-1001:order-1");
        assertThat(RunAudit.placement("member-1002:order-1")).isNotEqualTo(RunAudit.placement("member-1001:order-1"));
        assertThat(RunAudit.placement("plain")).isEqualTo("plain");
    }
}
