package baedal.bench.runner;

import baedal.bench.report.Result;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One benchmark: what it measures and how its result reads. Its options are picocli annotations on the implementing
 * class; {@link BenchmarkRunner} does what every benchmark does alike — parses the options, runs it, writes
 * {@code <out>/<name>.json} and {@code <out>/<name>.png}, rewrites its section of {@code <out>/../<out>.md}, logs the
 * targets and exits — so that a new benchmark is its measurement, its section and its chart.
 *
 * @param <R> its result, serialized as its JSON file
 */
public interface Benchmark<R extends Result> {

    /** The name of its files and of its section of the docs page; known once its options are parsed. */
    String name();

    /** The folder its JSON and chart go to ({@code --out}); the docs page is {@code <out>/../<out's name>.md}. */
    Path out();

    /** Whether a run rewrites its section of the docs page. */
    default boolean writesDocs() {
        return true;
    }

    /** Refuses option values that cannot run, with a message for the user; called once the options are parsed. */
    default void check() {
    }

    /** Measures. {@code chartLink} is the chart's path relative to the docs page, for the result to carry. */
    R run(String chartLink) throws Exception;

    /** Its section of the docs page (markdown, without the section markers). */
    String section(R result);

    void drawChart(R result, Path png) throws IOException;

    /**
     * The process's exit code once the result is written: 0 unless the benchmark's targets are a verdict on the
     * platform (the peak and fault harness fails the run when one does not hold).
     */
    default int exitCode(R result) {
        return 0;
    }
}
