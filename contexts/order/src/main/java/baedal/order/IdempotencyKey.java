package baedal.order;

/**
 * The client's name for one attempt to place an order (header {@code Idempotency-Key}). Retrying with the
 * same key and the same request returns the order placed the first time — whichever shard that was, through
 * any instance — and makes no second order; ADR 0001 names the failures under which a retry cannot
 * find it. One to 100 visible ASCII characters (a UUID is typical).
 */
public record IdempotencyKey(String value) {

    public static final int MAX_LENGTH = 100;

    public IdempotencyKey {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("an idempotency key has 1.." + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException("an idempotency key has visible ASCII characters only");
            }
        }
    }
}
