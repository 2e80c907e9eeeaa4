package baedal.sharding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import baedal.sharding.ModuleSchema.LegacyRow;
import baedal.sharding.ModuleSchema.Script;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

class ModuleSchemaTests {

    private static Script script(String version, String description, int checksum) {
        return new Script(MigrationVersion.fromVersion(version), description, checksum);
    }

    /** The order context's set after the split: the old V1, V3 and V6 renumbered V1..V3, text unchanged. */
    private static final List<Script> ORDER = List.of(script("1", "orders", 11), script("2", "retire order change", 33),
            script("3", "order retention", 66));

    @Test
    void adoptsEveryScriptTheOldSharedHistoryHolds() {
        List<LegacyRow> oldHistory = List.of(new LegacyRow("orders", 11), new LegacyRow("outbox", 22),
                new LegacyRow("retire order change", 33), new LegacyRow("outbox notify", 44),
                new LegacyRow("order retention", 66));

        assertThat(ModuleSchema.adoptedVersion(ORDER, oldHistory)).isEqualTo(MigrationVersion.fromVersion("3"));
    }

    @Test
    void adoptsTheLeadingRunSoFlywayAppliesWhatTheOldLayoutHadNotYet() {
        List<LegacyRow> beforeRetention = List.of(new LegacyRow("orders", 11), new LegacyRow("retire order change", 33));

        assertThat(ModuleSchema.adoptedVersion(ORDER, beforeRetention)).isEqualTo(MigrationVersion.fromVersion("2"));
    }

    @Test
    void adoptsNothingFromAnOldHistoryWithoutTheseScripts() {
        assertThat(ModuleSchema.adoptedVersion(ORDER, List.of(new LegacyRow("outbox", 22)))).isNull();
    }

    @Test
    void aScriptWhoseTextChangedIsNotTheOneThatRan() {
        assertThat(ModuleSchema.adoptedVersion(ORDER, List.of(new LegacyRow("orders", 12)))).isNull();
    }

    @Test
    void refusesToGuessWhenALaterScriptRanWithoutAnEarlierOne() {
        List<LegacyRow> gap = List.of(new LegacyRow("orders", 11), new LegacyRow("order retention", 66));

        assertThatIllegalStateException().isThrownBy(() -> ModuleSchema.adoptedVersion(ORDER, gap))
                .withMessageContaining("order retention");
    }

    @Test
    void namesAModulesShardSetAfterTheModule() {
        assertThat(ModuleSchema.onShards("order")).isEqualTo(new ModuleSchema("classpath:db/order/shard", "order_schema_history"));
        assertThat(ModuleSchema.onShards("rider-shift").historyTable()).isEqualTo("rider_shift_schema_history");
    }

    @Test
    void rejectsTheOldSharedHistoryTableAsASetsOwn() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ModuleSchema("classpath:db/x", "flyway_schema_history"));
        assertThatIllegalArgumentException().isThrownBy(() -> new ModuleSchema("classpath:db/x", "Order History"));
    }

    @Test
    void theDeprecatedLocationIsOneMoreSetWithItsOwnTable() {
        ShardProperties properties = new ShardProperties(List.of(new ShardProperties.Node("jdbc:postgresql://x/s0", "u", "")),
                4, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1),
                "classpath:db/extra");
        ModuleSchema outbox = new ModuleSchema("classpath:db/outbox", "outbox_schema_history");

        assertThat(Shards.allSchemas(properties, List.of(outbox, outbox))).containsExactly(outbox,
                new ModuleSchema("classpath:db/extra", ShardProperties.EXTRA_HISTORY_TABLE));
    }
}
