package baedal.outbox;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which topic an outbox row goes to, by its {@code aggregatetype} (the convention of Debezium's outbox event
 * router: a topic per aggregate type): an explicit mapping ({@code baedal.outbox.topics.<type>}) first; the orders'
 * topic ({@code baedal.outbox.topic}) for aggregate type {@code Order}; otherwise
 * {@code baedal.<kebab-case type>-events}, e.g. {@code RiderShift} → {@code baedal.rider-shift-events}. Types are
 * compared in kebab case, so a mapping's key may be written {@code RiderShift}, {@code rider-shift} or
 * {@code RIDER_SHIFT} (as an environment variable spells it).
 */
final class TopicRouter {

    /** The aggregate type of orders, whose topic {@code baedal.outbox.topic} names. */
    static final String ORDER = "Order";

    private final Map<String, String> byType = new LinkedHashMap<>();
    private final Map<String, String> resolved = new ConcurrentHashMap<>();

    TopicRouter(String orderTopic, Map<String, String> explicit) {
        byType.put(kebab(ORDER), orderTopic);
        explicit.forEach((type, topic) -> {
            if (topic == null || topic.isBlank()) {
                throw new IllegalArgumentException("baedal.outbox.topics." + type + " must name a topic");
            }
            byType.put(kebab(type), topic);
        });
    }

    static TopicRouter of(OutboxProperties properties) {
        return new TopicRouter(properties.topic(), properties.topics());
    }

    String topicOf(String aggregateType) {
        return resolved.computeIfAbsent(aggregateType, type -> {
            String key = kebab(type);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("an aggregate type names the topic: '" + type + "'");
            }
            return byType.getOrDefault(key, derived(key));
        });
    }

    /** The explicitly routed topics (the orders' one included), which are created at start when missing. */
    java.util.Collection<String> explicitTopics() {
        return java.util.Set.copyOf(byType.values());
    }

    private static String derived(String kebabType) {
        return "baedal." + kebabType + "-events";
    }

    /** {@code RiderShift}, {@code riderShift}, {@code RIDER_SHIFT}, {@code rider shift} → {@code rider-shift}. */
    static String kebab(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        char previous = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                boolean wordStart = Character.isUpperCase(c) && previous != 0
                        && (Character.isLowerCase(previous) || Character.isDigit(previous)
                                || (Character.isUpperCase(previous) && i + 1 < name.length()
                                        && Character.isLowerCase(name.charAt(i + 1))));
                if (wordStart && out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                    out.append('-');
                }
                out.append(Character.toLowerCase(c));
                previous = c;
            } else {
                if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                    out.append('-');
                }
                previous = 0;
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '-') {
            end--;
        }
        return out.substring(0, end).toLowerCase(Locale.ROOT);
    }
}
