package baedal.order.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProbeDeadlineTests {

    @Test
    void waitsLongerThanTheShardsConnectionTimeoutSoAShardJustGoneDownIsRecognisedAsDown() {
        assertThat(ShardedOrders.probeDeadline(Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(ShardedOrders.probeDeadline(Duration.ofMillis(100), Duration.ofMillis(500)))
                .isEqualTo(Duration.ofMillis(1_500));
    }

    @Test
    void keepsAConfiguredTimeoutThatIsLongerStill() {
        assertThat(ShardedOrders.probeDeadline(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .isEqualTo(Duration.ofSeconds(5));
    }
}
