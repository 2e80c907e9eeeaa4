package baedal.outbox;

import baedal.sharding.ShardNo;
import java.sql.Connection;

/**
 * A seam for tests that simulate a relay dying at the worst moment: after Kafka acknowledged a batch, before the
 * relay recorded its progress.
 */
interface RelayFaults {

    RelayFaults NONE = (shard, leaseConnection, acknowledged) -> { };

    void afterAcknowledged(ShardNo shard, Connection leaseConnection, int acknowledged);
}
