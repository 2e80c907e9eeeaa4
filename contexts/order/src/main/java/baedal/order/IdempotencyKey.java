package baedal.order;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One caller's name for one attempt to place an order (header {@code Idempotency-Key}). Retrying with the
 * same key and the same request returns the order placed the first time — whichever shard that was, through
 * any instance — and makes no second order; ADR 0001 names the failures under which a retry cannot
 * find it. The client's part is one to {@value #MAX_CLIENT_LENGTH} visible ASCII characters (a UUID is typical);
 * the stored key is {@code <caller subject, URL-encoded>:<client key>} ({@link #of}), so the same key sent by another caller
 * never finds, nor reveals, this caller's order.
 */
public record IdempotencyKey(String value) {

    /** The longest key a client may send. */
    public static final int MAX_CLIENT_LENGTH = 100;

    /** The longest caller subject a key is scoped to. */
    public static final int MAX_SCOPE_LENGTH = 255;

    public static final int MAX_LENGTH = MAX_SCOPE_LENGTH + 1 + MAX_CLIENT_LENGTH;

    public IdempotencyKey {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("an idempotency key has 1.." + MAX_LENGTH + " characters");
        }
        visibleAscii(value);
    }

    /**
     * The client's key {@code key}, scoped to the caller {@code subject}. The subject is URL-encoded (an ordinary
     * subject such as {@code member-1001} stays as it is), so that no {@code :} or other character of another
     * issuer's subject can make two callers' keys meet.
     */
    public static IdempotencyKey of(String subject, String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_CLIENT_LENGTH) {
            throw new IllegalArgumentException("an idempotency key has 1.." + MAX_CLIENT_LENGTH + " characters");
        }
        visibleAscii(key);
        String scope = subject == null ? "" : URLEncoder.encode(subject, StandardCharsets.UTF_8);
        if (scope.isEmpty() || scope.length() > MAX_SCOPE_LENGTH) {
            throw new IllegalArgumentException("a caller subject has 1.." + MAX_SCOPE_LENGTH + " characters");
        }
        return new IdempotencyKey(scope + ":" + key);
    }

    private static void visibleAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException("an idempotency key has visible ASCII characters only");
            }
        }
    }
}
