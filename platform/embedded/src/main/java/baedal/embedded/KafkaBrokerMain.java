package baedal.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded single-node Kafka broker as a process of its own, so that a fault harness can stop it (or kill
 * it) and start it again on the same data and ports while the platform keeps running:
 * {@code java -cp <classpath> baedal.embedded.KafkaBrokerMain <log-dir> <port> <controller-port>}.
 * <p>
 * Prints {@value #READY} and the bootstrap servers once the broker serves requests; stops the broker cleanly on
 * SIGTERM (a {@code kill -9} leaves a log that the next start recovers).
 */
public final class KafkaBrokerMain {

	/** The line printed (followed by a space and the bootstrap servers) once the broker serves requests. */
	public static final String READY = "KAFKA-READY";

	private KafkaBrokerMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		if (args.length != 3) {
			System.err.println("usage: KafkaBrokerMain <log-dir> <port> <controller-port>");
			System.exit(2);
		}
		EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(Path.of(args[0]), Integer.parseInt(args[1]),
				Integer.parseInt(args[2]));
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			broker.close();
			stopped.countDown();
		}, "kafka-broker-stopper"));
		System.out.println(READY + " " + broker.bootstrapServers());
		System.out.flush();
		stopped.await();
	}

}
