package baedal.flags;

import baedal.embedded.EmbeddedPlatform;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An app instance of the flags as a separate JVM ({@link FlagInstanceMain}), for tests that need real processes. */
final class FlagProcess implements AutoCloseable {

    final String id;
    private final Process process;
    private final PrintWriter input;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    private FlagProcess(String id, Process process) {
        this.id = id;
        this.process = process;
        this.input = new PrintWriter(process.outputWriter(StandardCharsets.UTF_8), true);
    }

    static FlagProcess start(EmbeddedPlatform platform, String id, Path dataDir, Duration reconcile) {
        return start(platform, id, dataDir, reconcile, java.util.Map.of());
    }

    /** An instance whose settings differ from the usual ones by {@code overrides}. */
    static FlagProcess start(EmbeddedPlatform platform, String id, Path dataDir, Duration reconcile,
            java.util.Map<String, String> overrides) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                FlagInstanceMain.class.getName()));
        java.util.Map<String, String> settings = FlagInstance.settings(platform, id, dataDir, reconcile);
        settings.putAll(overrides);
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        command.add("--logging.level.root=WARN");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            FlagProcess instance = new FlagProcess(id, process);
            Thread.ofPlatform().daemon().name("flag-process-" + id).start(() -> instance.read(process.inputReader()));
            instance.await(FlagInstanceMain.STARTED, Duration.ofSeconds(90));
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read(BufferedReader output) {
        try {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.startsWith("version ") || line.startsWith("source ") || line.startsWith("eval ") || line.equals(FlagInstanceMain.STARTED)) {
                    answers.add(line);
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private String await(String prefix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                String line = answers.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return line;
                }
                if (line == null && !process.isAlive()) {
                    throw new IllegalStateException("instance " + id + " ended with " + process.exitValue());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("instance " + id + " did not answer '" + prefix + "' within " + timeout);
    }

    long versionOf(String key) {
        input.println("version " + key);
        String line = await("version " + key + " ", Duration.ofSeconds(10));
        return Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
    }

    String loadedFrom() {
        input.println("source");
        String line = await("source ", Duration.ofSeconds(10));
        return line.substring(line.lastIndexOf(' ') + 1);
    }

    String answersTo(String key, int members) {
        input.println("eval " + key + " " + members);
        String line = await("eval " + key + " ", Duration.ofSeconds(30));
        return line.substring(line.lastIndexOf(' ') + 1);
    }

    @Override
    public void close() {
        input.println("quit");
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
