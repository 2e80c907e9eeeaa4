package baedal.orderview;

import baedal.kernel.catalogue.EventType;
import baedal.order.events.OrderEventCatalogue;
import baedal.order.events.OrderEventEnvelope;
import java.time.ZoneId;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one record value of the order events' topic into the document it describes, or says why it cannot:
 * a record that is not JSON, names a type or a schema version the {@link OrderEventCatalogue} does not list,
 * or does not hold a consistent order snapshot is <em>poison</em>. Poison is parked, never retried in place,
 * so it cannot block the records behind it.
 */
public final class OrderEventReader {

    /** Why a record was parked; stable names, shown to operators. */
    public static final String UNPARSEABLE = "unparseable";
    public static final String UNKNOWN_TYPE = "unknown-type";
    public static final String UNKNOWN_SCHEMA_VERSION = "unknown-schema-version";
    public static final String INVALID_EVENT = "invalid-event";

    private final JsonMapper json = JsonMapper.shared();
    private final ZoneId zone;

    public OrderEventReader(ZoneId zone) {
        this.zone = zone;
    }

    /** The outcome of reading one record. */
    public sealed interface Reading permits Event, Poison {
    }

    /** A listed event and the document its snapshot gives. */
    public record Event(OrderEventEnvelope envelope, OrderView view) implements Reading {

        public long orderNo() {
            return view.orderNumber();
        }

        public long version() {
            return envelope.version();
        }

        public UUID eventId() {
            return UUID.fromString(envelope.eventId());
        }
    }

    /** A record that cannot be applied, with the kind of problem ({@link #UNPARSEABLE} …) and the details. */
    public record Poison(String kind, String detail) implements Reading {

        /** "kind: detail", as stored with the parked record. */
        public String reason() {
            return kind + ": " + detail;
        }
    }

    public Reading read(byte[] value) {
        if (value == null || value.length == 0) {
            return new Poison(UNPARSEABLE, "the record has no value");
        }
        JsonNode tree;
        try {
            tree = json.readTree(value);
        } catch (JacksonException notJson) {
            return new Poison(UNPARSEABLE, "not JSON: " + firstLine(notJson.getOriginalMessage()));
        }
        if (tree == null || !tree.isObject()) {
            return new Poison(UNPARSEABLE, "not a JSON object");
        }
        String type = tree.path("type").asString(null);
        if (type == null || type.isBlank()) {
            return new Poison(INVALID_EVENT, "no event type");
        }
        EventType listed = OrderEventCatalogue.find(type).orElse(null);
        if (listed == null) {
            return new Poison(UNKNOWN_TYPE, "event type " + type + " is not in the order event catalogue");
        }
        JsonNode schema = tree.path("schemaVersion");
        if (!schema.isIntegralNumber() || schema.asInt() != listed.schemaVersion()) {
            return new Poison(UNKNOWN_SCHEMA_VERSION, type + " schemaVersion " + schema
                    + " is not the catalogue's " + listed.schemaVersion());
        }
        OrderEventEnvelope envelope;
        try {
            envelope = json.treeToValue(tree, OrderEventEnvelope.class);
        } catch (JacksonException malformed) {
            return new Poison(INVALID_EVENT, "does not match the " + type + " schema: "
                    + firstLine(malformed.getOriginalMessage()));
        }
        String problem = problemOf(envelope);
        if (problem != null) {
            return new Poison(INVALID_EVENT, problem);
        }
        try {
            return new Event(envelope, OrderView.of(envelope, zone));
        } catch (RuntimeException inconsistent) {
            return new Poison(INVALID_EVENT, "the order snapshot is incomplete: " + inconsistent.getMessage());
        }
    }

    private static String problemOf(OrderEventEnvelope event) {
        try {
            UUID.fromString(event.eventId());
        } catch (RuntimeException notAUuid) {
            return "eventId is not a UUID: " + event.eventId();
        }
        if (event.version() < 1) {
            return "version must be at least 1: " + event.version();
        }
        if (event.occurredAt() == null) {
            return "no occurredAt";
        }
        if (event.order() == null) {
            return "no order snapshot";
        }
        if (event.orderNo() == null || !event.orderNo().matches("\\d{4,18}")
                || !event.orderNo().equals(event.order().orderNo())) {
            return "orderNo " + event.orderNo() + " is not an order number or not the snapshot's ("
                    + event.order().orderNo() + ")";
        }
        if (event.order().version() != event.version()) {
            return "the snapshot's version " + event.order().version() + " is not the event's " + event.version();
        }
        if (event.order().status() == null || event.order().shop() == null || event.order().items() == null
                || event.order().timestamps() == null) {
            return "the order snapshot lacks status, shop, items or timestamps";
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
