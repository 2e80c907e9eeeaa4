package baedal.orderview;

import static baedal.orderview.OrderEvents.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import baedal.order.events.OrderEventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class OrderEventReaderTests {

    private final OrderEventReader reader = new OrderEventReader(ZoneId.of("Asia/Seoul"));

    private OrderEventReader.Reading read(String value) {
        return reader.read(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String kind(OrderEventReader.Reading reading) {
        assertThat(reading).isInstanceOf(OrderEventReader.Poison.class);
        return ((OrderEventReader.Poison) reading).kind();
    }

    @Test
    void readsAListedEventIntoItsDocument() {
        OrderEventEnvelope event = anOrder(11).accepted().last();

        OrderEventReader.Reading reading = reader.read(OrderEvents.json(event));

        assertThat(reading).isInstanceOf(OrderEventReader.Event.class);
        OrderEventReader.Event read = (OrderEventReader.Event) reading;
        assertThat(read.version()).isEqualTo(2);
        assertThat(read.view().status().name()).isEqualTo("ACCEPTED");
        assertThat(read.eventId().toString()).isEqualTo(event.eventId());
    }

    @Test
    void parksWhatIsNotJson() {
        assertThat(kind(read("{\"type\": \"OrderPlaced\", "))).isEqualTo(OrderEventReader.UNPARSEABLE);
        assertThat(kind(read("[1, 2]"))).isEqualTo(OrderEventReader.UNPARSEABLE);
        assertThat(kind(reader.read(new byte[0]))).isEqualTo(OrderEventReader.UNPARSEABLE);
        assertThat(kind(reader.read(null))).isEqualTo(OrderEventReader.UNPARSEABLE);
    }

    @Test
    void parksATypeTheCatalogueDoesNotList() {
        String json = new String(OrderEvents.json(anOrder(12).last()), StandardCharsets.UTF_8)
                .replace("\"OrderPlaced\"", "\"OrderTeleported\"");

        assertThat(kind(read(json))).isEqualTo(OrderEventReader.UNKNOWN_TYPE);
    }

    @Test
    void parksASchemaVersionTheCatalogueDoesNotList() {
        String json = new String(OrderEvents.json(anOrder(13).last()), StandardCharsets.UTF_8)
                .replace("\"schemaVersion\":1", "\"schemaVersion\":2");

        assertThat(kind(read(json))).isEqualTo(OrderEventReader.UNKNOWN_SCHEMA_VERSION);
    }

    @Test
    void parksAnEventWhoseSnapshotIsNotTheEventsVersion() {
        String json = new String(OrderEvents.json(anOrder(14).last()), StandardCharsets.UTF_8)
                .replaceFirst("\"version\":1", "\"version\":3");

        assertThat(kind(read(json))).isEqualTo(OrderEventReader.INVALID_EVENT);
    }

    @Test
    void parksAnEventWithoutItsOrder() {
        assertThat(kind(read("{\"eventId\":\"0190f1e0-0000-7000-8000-000000000001\",\"type\":\"OrderPlaced\","
                + "\"orderNo\":\"1001\",\"version\":1,\"occurredAt\":\"2026-11-25T00:00:00Z\",\"schemaVersion\":1}")))
                .isEqualTo(OrderEventReader.INVALID_EVENT);
    }
}
