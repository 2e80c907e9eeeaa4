package baedal.bench.runner;

import java.util.List;

/**
 * The commands that reproduce a run, as every section of the docs page quotes them: build the harness (and what it
 * needs) without installing the reactor, then run the benchmark's main with plain {@code java -cp} from the
 * repository root, where the harness writes {@code docs/benchmarks}.
 */
public final class ReproduceCommand {

    /** The harness's own module. */
    public static final String BENCH = ":bench";
    /** The harness and the Spring Modulith peer its baselines start as a process of their own. */
    public static final String BENCH_AND_PEER = ":bench,:bench-peer";

    private static final String CLASS_PATH = "tools/bench/target/bench-0.1.0-SNAPSHOT.jar:tools/bench/target/lib/*";

    private ReproduceCommand() {
    }

    /**
     * {@code ./mvnw ... -pl <modules> ... package}, then {@code java <jvmOptions> ... <main> <arguments>}.
     *
     * @param modules what to build, e.g. {@link #BENCH}
     * @param jvmOptions the harness JVM's options
     * @param main the benchmark's main class
     * @param arguments its arguments ({@code ""} for none)
     */
    public static String of(String modules, List<String> jvmOptions, Class<?> main, String arguments) {
        return "./mvnw -q -B -pl " + modules + " -am -DskipTests package\n"
                + "java " + String.join(" ", jvmOptions) + (jvmOptions.isEmpty() ? "" : " ")
                + "-Djava.awt.headless=true \\\n"
                + "  -cp '" + CLASS_PATH + "' \\\n"
                + "  " + main.getName() + (arguments.isBlank() ? "" : " " + arguments);
    }
}
