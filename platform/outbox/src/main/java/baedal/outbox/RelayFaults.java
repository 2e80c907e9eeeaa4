package baedal.outbox;

import java.sql.Connection;

/**
 * A seam for tests that simulate a relay dying at the worst moment: after Kafka acknowledged a batch, before the
 * relay recorded its progress.
 */
interface RelayFaults {

    RelayFaults NONE = (database, leaseConnection, acknowledged) -> { };

    void afterAcknowledged(OutboxDatabase database, Connection leaseConnection, int acknowledged);
}
