package baedal.orderview.messaging;

import static baedal.orderview.OrderEvents.anOrder;
import static baedal.orderview.OrderEvents.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import baedal.orderview.DeadLetter;
import baedal.orderview.IncomingRecord;
import baedal.orderview.OrderEventReader;
import baedal.orderview.OrderEvents;
import baedal.orderview.OrderView;
import baedal.orderview.ProjectionBatch;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

class StoreWriteTests {

    private static final Instant AT = Instant.parse("2026-11-25T03:00:00Z");

    private final FailingStore store = new FailingStore();
    private final StoreWrite write = new StoreWrite(store);

    @Test
    void writesABatchAndItsPoisonInOneTransaction() {
        OrderEvents order = anOrder(41).accepted();
        List<ProjectionBatch.Reading> readings = List.of(reading(order.events().get(0), 0), poison(1),
                reading(order.last(), 2));

        ProjectionBatch.Written written = write.write(readings, AT);

        assertThat(store.transactions()).isEqualTo(1);
        assertThat(written.versions()).containsEntry(order.orderNumber(), 2L);
        assertThat(written.parked()).isEqualTo(1);
        assertThat(store.find(order.orderNumber())).map(OrderView::version).hasValue(2L);
        assertThat(store.parked(10)).extracting(DeadLetter::offset).containsExactly(1L);
    }

    @Test
    void parksARecordTheDatabaseRefusesAndWritesTheRestOfItsBatch() {
        OrderEvents good = anOrder(42).accepted();
        OrderEvents refused = anOrder(43);
        store.refusing(refused.orderNumber());
        List<ProjectionBatch.Reading> readings = List.of(reading(good.events().get(0), 0), reading(refused.last(), 1),
                reading(good.last(), 2));

        ProjectionBatch.Written written = write.write(readings, AT);

        assertThat(store.find(good.orderNumber())).map(OrderView::version).hasValue(2L);
        assertThat(store.find(refused.orderNumber())).isEmpty();
        assertThat(written.versions()).containsOnlyKeys(good.orderNumber()).containsEntry(good.orderNumber(), 2L);
        assertThat(written.firstProjected()).extracting(ProjectionBatch.ProjectedEvent::orderNo)
                .containsExactly(good.orderNumber(), good.orderNumber());
        assertThat(written.parked()).isEqualTo(1);
        assertThat(store.parked(10)).singleElement().satisfies(letter -> {
            assertThat(letter.offset()).isEqualTo(1);
            assertThat(letter.reason()).isEqualTo("unwritable: unsupported Unicode escape sequence");
        });
    }

    @Test
    void throwsWhenTheDatabaseIsDownSoTheWholeBatchComesAgain() {
        OrderEvents order = anOrder(44).accepted();
        store.downForTheNext(1);

        assertThatThrownBy(() -> write.write(List.of(reading(order.events().get(0), 0), reading(order.last(), 1)), AT))
                .isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(store.find(order.orderNumber())).isEmpty();
        assertThat(store.parkedCount()).as("nothing parked for a database that is down").isZero();
    }

    @Test
    void tellsDataTheDatabaseRefusesFromADatabaseThatIsDown() {
        assertThat(StoreWrite.refusedByTheDatabase(new DataIntegrityViolationException("refused",
                new SQLException("unsupported Unicode escape sequence", "22P05")))).isTrue();
        assertThat(StoreWrite.refusedByTheDatabase(new DataAccessResourceFailureException("down",
                new SQLException("connection refused", "08001")))).isFalse();
        assertThat(StoreWrite.refusedByTheDatabase(new IllegalStateException("other"))).isFalse();
    }

    private static ProjectionBatch.Reading poison(long offset) {
        byte[] value = "{not json".getBytes(StandardCharsets.UTF_8);
        return new ProjectionBatch.Reading(new IncomingRecord("t", 0, offset, null, value, Map.of()),
                new OrderEventReader(ZoneId.of("Asia/Seoul")).read(value));
    }
}
