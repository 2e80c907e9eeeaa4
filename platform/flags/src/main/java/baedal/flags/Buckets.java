package baedal.flags;

/**
 * The sticky bucket of a targeting key for a flag: murmur3 (32 bit, seed 0) over the UTF-16 code units of
 * {@code flagKey + ':' + targetingKey} — the function Guava calls {@code hashUnencodedChars} — into
 * {@value #COUNT} buckets. It depends on nothing but the two strings, so every instance, every restart and every
 * release answers the same; the flag key is part of it so that one member is not first in every rollout.
 */
final class Buckets {

    /** A rollout percentage has two decimals of resolution. */
    static final int COUNT = 10_000;

    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private Buckets() {
    }

    static int of(String flagKey, String targetingKey) {
        int h = 0;
        int length = flagKey.length() + 1 + targetingKey.length();
        int i = 1;
        for (; i < length; i += 2) {
            int k = charAt(flagKey, targetingKey, i - 1) | (charAt(flagKey, targetingKey, i) << 16);
            h = mixH(h, mixK(k));
        }
        if ((length & 1) == 1) {
            h ^= mixK(charAt(flagKey, targetingKey, length - 1));
        }
        h ^= 2 * length;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return (int) (Integer.toUnsignedLong(h) % COUNT);
    }

    /** Whether the key's bucket falls in the first {@code percent} of the buckets. */
    static boolean inRollout(String flagKey, String targetingKey, int percent) {
        return of(flagKey, targetingKey) < percent * (COUNT / 100);
    }

    private static int charAt(String flagKey, String targetingKey, int index) {
        int n = flagKey.length();
        if (index < n) {
            return flagKey.charAt(index);
        }
        return index == n ? ':' : targetingKey.charAt(index - n - 1);
    }

    private static int mixK(int k) {
        k *= C1;
        k = Integer.rotateLeft(k, 15);
        return k * C2;
    }

    private static int mixH(int h, int k) {
        h ^= k;
        h = Integer.rotateLeft(h, 13);
        return h * 5 + 0xe6546b64;
    }
}
