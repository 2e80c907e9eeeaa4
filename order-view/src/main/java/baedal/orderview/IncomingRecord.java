package baedal.orderview;

import java.util.Map;

/**
 * One record as the projector received it from the order events' topic: where it was, its key, its raw value
 * and its headers (decoded as UTF-8). Kept as it came so that a parked record can be inspected and replayed.
 */
public record IncomingRecord(String topic, int partition, long offset, String key, byte[] value,
        Map<String, String> headers) {

    public IncomingRecord {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        value = value == null ? null : value.clone();
    }

    @Override
    public byte[] value() {
        return value == null ? null : value.clone();
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
