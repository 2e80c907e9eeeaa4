package baedal.flags;

import java.util.List;

/** The flags' database of an instance that names none ({@code baedal.flags.datasource.url} unset). */
final class UnconfiguredFlagDatabase implements FlagDatabase {

    static final String PROBLEM = "not configured (baedal.flags.datasource.url)";

    @Override
    public List<FlagState> states() {
        throw new IllegalStateException(PROBLEM);
    }

    @Override
    public void acknowledge(FlagAcknowledgement acknowledgement) {
        throw new IllegalStateException(PROBLEM);
    }
}
