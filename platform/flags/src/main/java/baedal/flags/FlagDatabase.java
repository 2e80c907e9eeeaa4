package baedal.flags;

import java.util.List;

/**
 * The flags' database as an instance's runtime needs it: the stored states, and where acknowledgements go. The real
 * one is {@link JdbcFlagDatabase}; tests use an in-memory one that can be made unreachable.
 */
interface FlagDatabase {

    /** Every stored state; throws when the database is unreachable. */
    List<FlagState> states();

    /** Records what an instance applied; throws when the database is unreachable. */
    void acknowledge(FlagAcknowledgement acknowledgement);
}
