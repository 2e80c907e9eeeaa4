package baedal.bench.evaluation;

import baedal.flags.FlagChange;
import baedal.flags.FlagDefinition;
import baedal.flags.FlagState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one flag evaluation costs on the request path, as an instance does it: look the flag's state up by key in a
 * concurrent map (as the instance's live flags hold them) and evaluate it — an on/off flag, and a 30 % rollout on a
 * member's targeting key (murmur3 of flag and member into 10,000 buckets) — beside the baseline, a plain
 * {@code AtomicBoolean} read. The targeting keys rotate over 1,024 members so the hash is not of one constant.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FlagEvaluationJmh {

    static final String ON_OFF = "rider.licence-automation";
    static final String ROLLOUT = "member.remote-calls";

    private final AtomicBoolean baseline = new AtomicBoolean(true);
    private final Map<String, FlagState> live = new ConcurrentHashMap<>();
    private final String[] members = new String[1_024];
    private int next;

    @Setup
    public void setUp() {
        Instant at = Instant.parse("2026-12-04T12:00:00Z");
        FlagDefinition onOff = FlagDefinition.onOff(ON_OFF, "licences", "rider");
        FlagDefinition rollout = FlagDefinition.rollout(ROLLOUT, "remote members", "member");
        live.put(ON_OFF, FlagState.initial(onOff).next(new FlagChange(true, null, null, "bench").validFor(onOff), "bench", at));
        live.put(ROLLOUT, FlagState.initial(rollout).next(new FlagChange(true, 30, List.of(), "bench").validFor(rollout),
                "bench", at));
        for (int i = 0; i < members.length; i++) {
            members[i] = "member-" + (1_000 + i);
        }
    }

    private String member() {
        next = (next + 1) & (members.length - 1);
        return members[next];
    }

    @Benchmark
    public boolean atomicBooleanRead() {
        return baseline.get();
    }

    @Benchmark
    public boolean onOffFlag() {
        return live.get(ON_OFF).evaluate(null, Map.of());
    }

    @Benchmark
    public boolean rolloutFlag() {
        return live.get(ROLLOUT).evaluate(member(), Map.of());
    }

    /** The cost of picking the next member alone, to tell the hash from the rotation. */
    @Benchmark
    public String memberRotation() {
        return member();
    }
}
