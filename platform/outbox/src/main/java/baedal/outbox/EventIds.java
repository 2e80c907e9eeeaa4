package baedal.outbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Issues time-ordered event ids: UUID version 7 (RFC 9562), 48 bits of Unix milliseconds followed by random
 * bits. Ids sort by creation time, so an index on them stays append-mostly.
 */
public final class EventIds {

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public EventIds(Clock clock) {
        this.clock = clock;
    }

    public UUID next() {
        long millis = clock.millis();
        long randA = random.nextInt(1 << 12);
        long mostSignificant = (millis << 16) | (0x7L << 12) | randA;
        long leastSignificant = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
