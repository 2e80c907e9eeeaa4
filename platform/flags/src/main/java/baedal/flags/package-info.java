/**
 * Feature flags: declared in code ({@link baedal.flags.FlagDefinition}), stored, versioned and audited in the flags'
 * own database, pushed to every instance through the outbox and a compacted topic, evaluated in memory through
 * OpenFeature ({@link baedal.flags.BaedalFlagProvider}); see ADR 0011.
 */
@NullMarked
package baedal.flags;

import org.jspecify.annotations.NullMarked;
