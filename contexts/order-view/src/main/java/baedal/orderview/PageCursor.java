package baedal.orderview;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Where a page of order history ends: the last order's placement time and number, the keyset that the next page
 * continues after (newest first: {@code (placedAt, orderNo) < (cursor)}), so paging never counts rows with
 * OFFSET and never shows an order twice while new orders arrive. Clients get it as an opaque base64url token.
 */
public record PageCursor(Instant placedAt, long orderNo) {

    private static final String VERSION = "1";

    public PageCursor {
        if (placedAt == null) {
            throw new IllegalArgumentException("a cursor needs a time");
        }
        placedAt = placedAt.truncatedTo(ChronoUnit.MICROS);
    }

    public static PageCursor after(OrderView last) {
        return new PageCursor(last.placedAt(), last.orderNumber());
    }

    /** The opaque token: base64url (no padding) of {@code 1:<epoch microseconds>:<order number>}. */
    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, placedAt);
        String plain = VERSION + ":" + micros + ":" + orderNo;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads a token made by {@link #encode()}; throws {@link InvalidCursor} for anything else. */
    public static PageCursor decode(String token) {
        if (token == null || token.isEmpty() || token.length() > 64) {
            throw new InvalidCursor("the cursor is empty or too long");
        }
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidCursor("the cursor is not base64url");
        }
        String[] parts = plain.split(":", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0]) || !parts[1].matches("-?\\d{1,19}")
                || !parts[2].matches("\\d{1,18}")) {
            throw new InvalidCursor("the cursor was not made by this API");
        }
        try {
            long micros = Long.parseLong(parts[1]);
            Instant at = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
            return new PageCursor(at, Long.parseLong(parts[2]));
        } catch (RuntimeException outOfRange) {
            throw new InvalidCursor("the cursor is out of range");
        }
    }

    /** A cursor token that cannot be read; nothing is returned for it. */
    public static final class InvalidCursor extends RuntimeException {

        public InvalidCursor(String message) {
            super(message);
        }
    }
}
