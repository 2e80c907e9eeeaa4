package baedal.orderview;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record as the projector received it from the order events' topic: where it was, its key, its raw value
 * and its headers (decoded as UTF-8). Kept as it came so that a parked record can be inspected and replayed.
 */
public record IncomingRecord(String topic, int partition, long offset, String key, byte[] value,
        Map<String, String> headers) {

    public IncomingRecord {
        LinkedHashMap<String, String> clean = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, text) -> {
                if (name != null && text != null) {
                    clean.put(storable(name), storable(text));
                }
            });
        }
        headers = Collections.unmodifiableMap(clean);
        key = key == null ? null : storable(key);
        value = value == null ? null : value.clone();
    }

    /** Text as PostgreSQL can store it: a NUL character (which text and jsonb refuse) becomes U+FFFD. */
    public static String storable(String text) {
        return text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
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
