package baedal.orderview.messaging;

import java.util.Collection;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/**
 * What a consumer does when the group moves partitions: a partition taken away stops showing a lag here (its new
 * owner shows it). Nothing has to be saved on the way out: offsets are committed after each stored batch, never
 * ahead of it, so a new owner resumes at the first record not yet stored. Nothing is done on assignment either:
 * the group's committed offset is where to start.
 */
final class Rebalances implements ConsumerRebalanceListener {

    private final ConsumerLag lag;

    Rebalances(ConsumerLag lag) {
        this.lag = lag;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        lag.forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        lag.forget(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    }
}
