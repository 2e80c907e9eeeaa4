package baedal.kernel.catalogue;

/**
 * A domain event a context publishes: a fact in the past tense ({@code OrderDelivered}), on a topic, about one
 * aggregate type, under a schema version. Changing a field's meaning is a new schema version.
 *
 * @param changes what the event's snapshot changes, in words (for the catalogue's readers)
 */
public record EventType(String name, String aggregateType, String topic, int schemaVersion, String meaning,
        String changes) {

    public EventType {
        Names.require(name, "event name");
        Names.require(aggregateType, "aggregate type");
        Names.require(topic, "topic");
        Names.require(meaning, "meaning");
        if (changes == null) {
            throw new IllegalArgumentException("changes must not be null");
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schema version must be at least 1: " + schemaVersion);
        }
    }
}
