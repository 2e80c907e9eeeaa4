package baedal.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxRegistrationTests {

    @Test
    void aDatabaseOfItsOwnIsOneRelayTargetTaggedByItsName() {
        OutboxRegistration riders = OutboxRegistration.database("riders", "jdbc:postgresql://db/riders", "app", "secret")
                .publishing("Rider", "RiderShift");

        assertThat(riders.sharded()).isFalse();
        assertThat(riders.databases()).singleElement().satisfies(database -> {
            assertThat(database.name()).isEqualTo("riders");
            assertThat(database.tags()).extracting(tag -> tag.getKey() + "=" + tag.getValue())
                    .containsExactly("database=riders", "shard=none");
            assertThat(database.toString()).doesNotContain("secret");
        });
        assertThat(riders.aggregateTypes()).containsExactlyInAnyOrder("Rider", "RiderShift");
    }

    @Test
    void rejectsANameThatCouldBeMistakenForAShard() {
        assertThatIllegalArgumentException().isThrownBy(() -> OutboxRegistration.database("shard-1", "jdbc:x", "u", ""));
        assertThatIllegalArgumentException().isThrownBy(() -> OutboxRegistration.database("shards", "jdbc:x", "u", ""));
        assertThatIllegalArgumentException().isThrownBy(() -> OutboxRegistration.database("Riders", "jdbc:x", "u", ""));
    }

    @Test
    void rejectsTwoRegistrationsOfOneName() {
        OutboxRegistration riders = OutboxRegistration.database("riders", "jdbc:postgresql://db/riders", "app", "");
        assertThatIllegalArgumentException().isThrownBy(() -> OutboxDatabases.of(List.of(riders, riders)))
                .withMessageContaining("riders");
    }

    @Test
    void everyMeterOfANameHasTheSameTagKeys() {
        OutboxDatabase shard = new OutboxDatabase(OutboxRegistration.SHARDS, new baedal.sharding.ShardNo(3), "jdbc:x", "u", "");
        OutboxDatabase own = OutboxRegistration.database("riders", "jdbc:x", "u", "").databases().getFirst();

        assertThat(shard.tags()).extracting(tag -> tag.getKey() + "=" + tag.getValue())
                .containsExactly("database=shards", "shard=3");
        assertThat(own.tags()).extracting(tag -> tag.getKey()).containsExactlyElementsOf(
                shard.tags().stream().map(tag -> tag.getKey()).toList());
        assertThat(shard.name()).isEqualTo("shard-3");
    }
}
