package io.centerline.targeting;

/**
 * A number from 0 up to but not including 1 fixed by what it is drawn for: the same inputs always draw the same
 * number, so that a replay of selection draws the same control sample and a Center-week the same control items.
 */
final class Draw {

    private Draw() {}

    /** The draw of two hashed parts and a seed, mixed by the finaliser of SplitMix64 into 53 uniform bits. */
    static double of(long seed, long first, long second) {
        long h = seed ^ (first * 0x9E3779B97F4A7C15L) ^ (second * 0xC2B2AE3D27D4EB4FL);
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return (h >>> 11) * 0x1.0p-53;
    }
}
