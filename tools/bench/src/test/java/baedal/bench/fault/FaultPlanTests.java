package baedal.bench.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import baedal.bench.cluster.Cluster;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultPlanTests {

    @Test
    void parsesEveryKindInTimeOrder() {
        FaultPlan plan = FaultPlan.parse("shard2@100+60, kafka@20+60,app@200+5,projector@300+30,instance@400+60");
        assertThat(plan.faults()).extracting(FaultPlan.Fault::kind).containsExactly(FaultPlan.Kind.KAFKA,
                FaultPlan.Kind.SHARD, FaultPlan.Kind.APP, FaultPlan.Kind.PROJECTOR, FaultPlan.Kind.INSTANCE);
        assertThat(plan.faults().get(1).shard()).isEqualTo(2);
        assertThat(plan.faults().get(0).atSecond()).isEqualTo(20.0);
        assertThat(plan.faults().get(0).forSeconds()).isEqualTo(60.0);
        assertThat(plan.lastRepairSecond()).isEqualTo(460.0);
        assertThat(plan.faults().get(1).spec()).isEqualTo("shard2@100+60");
        assertThat(FaultPlan.parse("none").faults()).isEmpty();
        assertThat(FaultPlan.parse(null).faults()).isEmpty();
    }

    @Test
    void rejectsUnknownKindsMalformedItemsAndOverlaps() {
        assertThatThrownBy(() -> FaultPlan.parse("disk@1+2")).hasMessageContaining("unknown fault kind disk");
        assertThatThrownBy(() -> FaultPlan.parse("kafka20+60")).hasMessageContaining("kind@at+for");
        assertThatThrownBy(() -> FaultPlan.parse("kafka@20+60,shard0@50+10")).hasMessageContaining("overlap");
        assertThatThrownBy(() -> FaultPlan.parse("kafka@-1+5")).hasMessageContaining(">= 0");
    }

    @Test
    void requiresTheLayoutAFaultBreaks() {
        Cluster.Layout one = new Cluster.Layout(2, 1, false, 512, Map.of());
        assertThatThrownBy(() -> FaultPlan.parse("shard2@1+1").requireFits(one)).hasMessageContaining("only 2 shards");
        assertThatThrownBy(() -> FaultPlan.parse("projector@1+1").requireFits(one))
                .hasMessageContaining("--separate-projector");
        assertThatThrownBy(() -> FaultPlan.parse("instance@1+1").requireFits(one)).hasMessageContaining("--instances 2");
        FaultPlan.parse("shard1@1+1,kafka@5+1,app@9+1").requireFits(one);
    }
}
