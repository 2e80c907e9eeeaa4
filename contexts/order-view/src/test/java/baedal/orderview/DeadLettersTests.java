package baedal.orderview;

import static baedal.orderview.OrderEvents.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLettersTests {

    private final InMemoryOrderViewStore store = new InMemoryOrderViewStore();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeadLetters deadLetters = new DeadLetters(store, new OrderEventReader(ZoneId.of("Asia/Seoul")),
            new ViewVersions(), new ProjectionMetrics(registry), Clock.fixed(Instant.parse("2026-11-25T03:00:00Z"),
                    ZoneOffset.UTC));

    private long park(byte[] value, String reason) {
        store.write(new ProjectionBatch(List.of(), List.of(), List.of(new DeadLetter.Parking(
                new IncomingRecord("t", 3, 17, "k", value, Map.of("type", "X")), reason)), Instant.now()));
        return store.parked(10).getLast().id();
    }

    @Test
    void replaysAParkedRecordThatIsAnEventNow() {
        OrderEvents order = anOrder(200).accepted();
        long id = park(OrderEvents.json(order.last()), "unknown-type: written by an older release");

        DeadLetters.Replayed replayed = deadLetters.replay(id);

        assertThat(replayed.documentVersion()).isEqualTo(2);
        assertThat(store.find(order.orderNumber()).orElseThrow().version()).isEqualTo(2);
        assertThat(store.parked(10)).isEmpty();
        assertThat(deadLetters.replay(id).deadLetter().replayedAt()).as("a second replay changes nothing").isNotNull();
        assertThat(registry.get("baedal.order-view.dead-letters.pending").gauge().value()).isZero();
    }

    @Test
    void keepsARecordParkedWithTheNewReasonWhenItIsStillPoison() {
        long id = park("garbage".getBytes(StandardCharsets.UTF_8), "old reason");

        assertThatThrownBy(() -> deadLetters.replay(id)).isInstanceOf(DeadLetters.StillPoison.class)
                .hasMessageContaining("unparseable");

        DeadLetter letter = store.deadLetter(id).orElseThrow();
        assertThat(letter.parked()).isTrue();
        assertThat(letter.reason()).startsWith("unparseable: ");
        assertThat(letter.attempts()).isEqualTo(1);
    }

    @Test
    void refusesAnUnknownRecord() {
        assertThatThrownBy(() -> deadLetters.replay(999)).isInstanceOf(DeadLetters.NotFound.class);
    }
}
