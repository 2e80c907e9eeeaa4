package baedal.sharding;

/**
 * Highest-random-weight (rendezvous) hashing: a 64-bit FNV-1a hash of the key, mixed with the shard number
 * through the SplitMix64 finaliser. Every bit of the key affects every bit of the score, so scores are
 * uniform even for keys that differ only in their last character.
 */
final class Rendezvous {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private Rendezvous() {
    }

    static long hash(byte[] key) {
        long hash = FNV_OFFSET;
        for (byte b : key) {
            hash ^= (b & 0xff);
            hash *= FNV_PRIME;
        }
        return hash;
    }

    static long score(long keyHash, int shard) {
        return mix(keyHash ^ mix((shard + 1) * GOLDEN_GAMMA));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
