package baedal.bench.measure;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** The harness's progress lines on standard output: {@code [bench 12:30:05] message}. */
public final class Log {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Log() {
    }

    public static void line(String message) {
        System.out.println("[bench " + LocalTime.now().format(TIME) + "] " + message);
        // flushed at once: a long run is watched while it goes, often through a pipe
        System.out.flush();
    }
}
