package baedal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.postgresql.PGNotification;
import org.postgresql.core.Notification;

class RelayLeaseTests {

    private static PGNotification notification(String payload) {
        return new Notification(OutboxStore.CHANNEL, 1, payload);
    }

    @Test
    void aSilentWaitIsTheSafetyPoll() {
        assertThat(RelayLease.wakeOf(null)).isEqualTo(RelayLease.Wake.TIMEOUT);
        assertThat(RelayLease.wakeOf(new PGNotification[0])).isEqualTo(RelayLease.Wake.TIMEOUT);
    }

    @Test
    void aRepublishRequestAmongCommitsIsSeen() {
        assertThat(RelayLease.wakeOf(new PGNotification[] {notification("")})).isEqualTo(RelayLease.Wake.COMMIT);
        assertThat(RelayLease.wakeOf(new PGNotification[] {notification(""), notification(OutboxRepublisher.REPUBLISH)}))
                .isEqualTo(RelayLease.Wake.REPUBLISH);
    }
}
