package baedal.bench.runner;

import baedal.bench.cluster.ShardNode;
import baedal.bench.report.Results.Machine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The facts every result reports about where it was measured: cores, JDK, OS, the PostgreSQL server and Kafka client,
 * the commit, the date, heap, garbage collectors and JVM options. Absolute numbers mean little without them.
 */
public final class MachineFacts {

    private MachineFacts() {
    }

    /** The facts now, with the PostgreSQL version asked of the first of {@code shards} ({@code n/a} for none). */
    public static Machine collect(List<ShardNode> shards) {
        String postgres = "n/a";
        if (!shards.isEmpty()) {
            ShardNode node = shards.getFirst();
            try (Connection connection = DriverManager.getConnection(node.url(), node.username(), node.password());
                    ResultSet rs = connection.createStatement().executeQuery("select version()")) {
                rs.next();
                postgres = rs.getString(1);
                int comma = postgres.indexOf(',');
                postgres = comma > 0 ? postgres.substring(0, comma) : postgres;
            } catch (Exception e) {
                postgres = "unknown (" + e.getClass().getSimpleName() + ")";
            }
        }
        String kafka;
        try {
            kafka = (String) Class.forName("org.apache.kafka.common.utils.AppInfoParser").getMethod("getVersion")
                    .invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            kafka = "n/a";
        }
        return new Machine(Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vendor") + " " + Runtime.version(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                postgres, kafka, gitCommit(),
                OffsetDateTime.now(ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx")),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(", ")),
                String.join(" ", jvmArguments()));
    }

    /** The JVM options this run was started with (the in-process platform runs in this JVM), for the reproduce command. */
    public static List<String> jvmArguments() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("-X") && !argument.startsWith("-XX:StartFlightRecording")
                        && !argument.startsWith("-Xlog"))
                .toList();
    }

    /** The short commit, with {@code -dirty} when tracked files outside {@code docs/} differ from it. */
    static String gitCommit() {
        try {
            String commit = run("git", "rev-parse", "--short", "HEAD");
            if (commit.isBlank()) {
                return "unknown";
            }
            // The harness's own output (docs/) does not make the measured code dirty: a batch of runs
            // writes docs/benchmarks.md between its scenarios.
            String dirty = run("git", "status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)docs");
            return commit + (dirty.isBlank() ? "" : "-dirty");
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            output = String.join("\n", reader.lines().toList());
        }
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            return "";
        }
        return output.strip();
    }
}
