package baedal.bench.fault;

import baedal.bench.cluster.Cluster;
import baedal.bench.measure.Figures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The faults of a run: what breaks, when (seconds into the load) and for how long. Written as a comma-separated list
 * of {@code kind@at+for}, e.g. {@code kafka@20+60,shard0@100+60}. Kinds:
 * <ul>
 * <li>{@code app} — {@code kill -9} every API instance, start them again after {@code for} seconds;</li>
 * <li>{@code kafka} — stop the Kafka broker for {@code for} seconds;</li>
 * <li>{@code shardN} — stop shard N's PostgreSQL server for {@code for} seconds;</li>
 * <li>{@code projector} — {@code kill -9} the projector's own instance, start it again after {@code for} seconds;</li>
 * <li>{@code instance} — with two or more API instances, {@code kill -9} the last one, start it again after
 * {@code for} seconds.</li>
 * </ul>
 * Parsing is pure; {@link #apply} and {@link #heal} act on a {@link Cluster}.
 */
public record FaultPlan(List<Fault> faults) {

    public enum Kind {
        APP("kill -9 the app"), KAFKA("stop Kafka"), SHARD("stop a shard's PostgreSQL"),
        PROJECTOR("kill -9 the projector"), INSTANCE("kill -9 one of two instances");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    /** One fault; {@code shard} only for {@link Kind#SHARD}. */
    public record Fault(Kind kind, int shard, double atSecond, double forSeconds) {

        public String label() {
            String what = kind == Kind.SHARD ? "stop shard " + shard + "'s PostgreSQL" : kind.description;
            return String.format(Locale.ROOT, "%s at %ss for %ss", what, Figures.fmt(atSecond), Figures.fmt(forSeconds));
        }

        public String spec() {
            return (kind == Kind.SHARD ? "shard" + shard : kind.name().toLowerCase(Locale.ROOT)) + "@"
                    + Figures.fmt(atSecond) + "+" + Figures.fmt(forSeconds);
        }
    }

    /** When a fault actually began and ended (its repair done), in seconds of the run and as instants. */
    public record Window(Fault fault, double startSecond, double endSecond, Instant start, Instant end) {
    }

    public static FaultPlan none() {
        return new FaultPlan(List.of());
    }

    public static FaultPlan parse(String text) {
        if (text == null || text.isBlank() || text.equals("none")) {
            return none();
        }
        List<Fault> faults = new ArrayList<>();
        for (String part : text.split(",")) {
            String item = part.trim();
            int at = item.indexOf('@');
            int plus = item.indexOf('+', at + 1);
            if (at < 1 || plus < 0) {
                throw new IllegalArgumentException("a fault is kind@at+for, e.g. kafka@20+60: " + item);
            }
            String kindText = item.substring(0, at).toLowerCase(Locale.ROOT);
            double atSecond = Double.parseDouble(item.substring(at + 1, plus));
            double forSeconds = Double.parseDouble(item.substring(plus + 1));
            if (atSecond < 0 || forSeconds < 0) {
                throw new IllegalArgumentException("a fault's time and duration must be >= 0: " + item);
            }
            Kind kind;
            int shard = -1;
            if (kindText.startsWith("shard")) {
                kind = Kind.SHARD;
                shard = kindText.length() == 5 ? 0 : Integer.parseInt(kindText.substring(5));
            } else {
                kind = switch (kindText) {
                    case "app" -> Kind.APP;
                    case "kafka" -> Kind.KAFKA;
                    case "projector" -> Kind.PROJECTOR;
                    case "instance" -> Kind.INSTANCE;
                    default -> throw new IllegalArgumentException("unknown fault kind " + kindText
                            + " (app, kafka, shardN, projector, instance)");
                };
            }
            faults.add(new Fault(kind, shard, atSecond, forSeconds));
        }
        faults.sort((a, b) -> Double.compare(a.atSecond(), b.atSecond()));
        for (int i = 1; i < faults.size(); i++) {
            Fault before = faults.get(i - 1);
            if (faults.get(i).atSecond() < before.atSecond() + before.forSeconds()) {
                throw new IllegalArgumentException("faults must not overlap: " + before.spec() + " and "
                        + faults.get(i).spec());
            }
        }
        return new FaultPlan(List.copyOf(faults));
    }

    /** Checks that the cluster's layout has what each fault breaks. */
    public void requireFits(Cluster.Layout layout) {
        for (Fault fault : faults) {
            if (fault.kind() == Kind.SHARD && fault.shard() >= layout.shards()) {
                throw new IllegalArgumentException(fault.spec() + ": there are only " + layout.shards() + " shards");
            }
            if (fault.kind() == Kind.PROJECTOR && !layout.separateProjector()) {
                throw new IllegalArgumentException(fault.spec() + " needs the projector in its own instance "
                        + "(--separate-projector)");
            }
            if (fault.kind() == Kind.INSTANCE && layout.instances() < 2) {
                throw new IllegalArgumentException(fault.spec() + " needs two or more instances (--instances 2)");
            }
        }
    }

    /** Seconds from the load's start until the last fault has been repaired (0 without faults). */
    public double lastRepairSecond() {
        return faults.stream().mapToDouble(fault -> fault.atSecond() + fault.forSeconds()).max().orElse(0);
    }

    static void apply(Fault fault, Cluster cluster) throws Exception {
        switch (fault.kind()) {
            case APP -> {
                for (int i = 0; i < cluster.layout().instances(); i++) {
                    cluster.killApp(i);
                }
            }
            case KAFKA -> cluster.stopKafka();
            case SHARD -> cluster.stopShard(fault.shard());
            case PROJECTOR -> cluster.killProjector();
            case INSTANCE -> cluster.killApp(cluster.layout().instances() - 1);
        }
    }

    static void heal(Fault fault, Cluster cluster) throws Exception {
        switch (fault.kind()) {
            case APP -> {
                for (int i = 0; i < cluster.layout().instances(); i++) {
                    cluster.startApp(i);
                }
            }
            case KAFKA -> cluster.startKafka();
            case SHARD -> cluster.startShard(fault.shard());
            case PROJECTOR -> cluster.startProjector();
            case INSTANCE -> cluster.startApp(cluster.layout().instances() - 1);
        }
    }
}
