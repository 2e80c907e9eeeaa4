package baedal.bench.baseline;

import baedal.bench.cluster.Cluster;
import baedal.bench.measure.Latency;
import baedal.bench.measure.Log;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Spring Modulith peer ({@code tools/bench-peer}), run as a process of its own against a database on the
 * cluster's PostgreSQL and the cluster's broker; its JSON result is what the peer baseline compares with ours.
 */
final class Peer {

    /** The database on the cluster's main PostgreSQL server the peer owns. */
    static final String DATABASE = "baedal_peer";
    private static final int TAIL_LINES = 15;
    private static final long TAIL_BYTES = 16 * 1024;

    private Peer() {
    }

    /**
     * The peer's class path: {@code given}, else its build under {@code tools/bench-peer/target} (relative to the
     * repository root, where the harness runs and writes {@code docs/benchmarks}), or {@code null} if it has not been
     * built.
     */
    static List<String> classpath(String given) {
        Path jar = Path.of("tools/bench-peer/target/bench-peer-0.1.0-SNAPSHOT.jar");
        if (given != null) {
            return List.of(given);
        }
        if (!Files.exists(jar) || !Files.isDirectory(Path.of("tools/bench-peer/target/lib"))) {
            return null;
        }
        return List.of(jar + ":tools/bench-peer/target/lib/*");
    }

    /**
     * Runs the peer once and returns its JSON result. Fails the baseline if it does not finish, writes no result, or
     * exits non-zero (it exits 1 when its own check fails, e.g. events missing from Kafka: its figures are then not
     * comparable); the failure quotes the end of its log, since the cluster's folder may be deleted after the run.
     * The process is killed and its result file deleted however this ends.
     */
    static JsonNode run(Cluster cluster, List<String> classpath, List<String> arguments, JsonMapper json)
            throws IOException, InterruptedException, BaselineFailed {
        Path out = Files.createTempFile("baedal-peer-", ".json");
        Process process = null;
        try {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-XX:+UseParallelGC", "-Xmx768m", "-cp", classpath.getFirst(),
                    "baedal.peer.PeerBenchmark", "--jdbc-url", cluster.mainJdbcUrl(DATABASE), "--jdbc-user",
                    Cluster.USER, "--kafka", cluster.kafkaBootstrap(), "--out", out.toString()));
            command.addAll(arguments);
            Path log = cluster.logFile("peer.log");
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                throw new BaselineFailed("the peer did not finish within 10 minutes" + logTail(log));
            }
            if (Files.size(out) == 0) {
                throw new BaselineFailed("the peer exited with " + process.exitValue() + " and wrote no result"
                        + logTail(log));
            }
            JsonNode result = json.readTree(Files.readString(out));
            if (process.exitValue() != 0 && !onlyFellBehind(result)) {
                throw new BaselineFailed("the peer exited with " + process.exitValue() + logTail(log));
            }
            Log.line(String.format(Locale.ROOT, "    peer: %.1f orders/s, commit → Kafka p99 %s ms, incomplete %d",
                    result.path("ordersPerSecond").asDouble(), result.path("commitToAck").path("p99").asString(),
                    result.path("incompletePublications").asLong()));
            return result;
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(out);
        }
    }

    /**
     * Whether a peer run that did not succeed failed only by falling behind — publications still incomplete after
     * its wait, and only those events not yet on Kafka — which is what the closed loop measures about the peer, not a
     * fault of the run: it committed orders, had no errors, lost no publication and mismatched no event.
     */
    static boolean onlyFellBehind(JsonNode result) {
        return result.path("committed").asLong() > 0 && result.path("errors").isEmpty()
                && result.path("publicationsMissing").asLong() == 0 && result.path("mismatchedEventsOnKafka").asLong() == 0
                && result.path("incompletePublications").asLong() > 0
                && result.path("eventsMissingOnKafka").asLong() <= result.path("incompletePublicationsTotal").asLong();
    }

    /** The last lines of a log, as a fenced block for a report's note ({@code ""} if it cannot be read). */
    private static String logTail(Path log) {
        try (var file = Files.newByteChannel(log)) {
            long from = Math.max(0, file.size() - TAIL_BYTES);
            ByteBuffer bytes = ByteBuffer.allocate((int) (file.size() - from));
            file.position(from);
            while (bytes.hasRemaining() && file.read(bytes) >= 0) {
                // read on
            }
            String text = new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
            return "; the end of its log:\n\n```\n" + lastLines(text, TAIL_LINES) + "\n```";
        } catch (IOException unreadable) {
            return "; its log could not be read: " + unreadable.getMessage();
        }
    }

    /** The last {@code count} non-blank lines of {@code text}. */
    static String lastLines(String text, int count) {
        List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    static Latency latency(JsonNode node) {
        return new Latency(node.path("samples").asLong(), node.path("mean").asDouble(), node.path("p50").asDouble(),
                node.path("p90").asDouble(), node.path("p99").asDouble(), node.path("p999").asDouble(),
                node.path("max").asDouble());
    }
}
