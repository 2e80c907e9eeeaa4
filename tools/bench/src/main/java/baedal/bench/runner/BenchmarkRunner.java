package baedal.bench.runner;

import baedal.bench.measure.Log;
import baedal.bench.report.Report;
import baedal.bench.report.Result;
import baedal.bench.report.Results.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a {@link Benchmark} from the command line and writes what it measured, the same way for every benchmark.
 * Exit codes: 0 done (for a benchmark whose targets are a verdict, every target held), 1 the run failed or a target
 * that is a verdict did not hold, 2 the command line was refused.
 */
public final class BenchmarkRunner {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private BenchmarkRunner() {
    }

    /** A benchmark's {@code main}: parses {@code args} into it, runs it, writes its files and exits. */
    public static void main(Benchmark<?> benchmark, String... args) {
        System.exit(execute(benchmark, args));
    }

    /** As {@link #main} without exiting: returns the exit code. */
    static int execute(Benchmark<?> benchmark, String... args) {
        CommandLine line = commandLine(benchmark);
        try {
            line.parseArgs(args);
            if (line.isUsageHelpRequested()) {
                line.usage(System.out);
                return 0;
            }
            check(line, benchmark);
        } catch (ParameterException refused) {
            System.err.println(refused.getMessage());
            System.err.println();
            refused.getCommandLine().usage(System.err);
            return 2;
        }
        try {
            return runAndExitCode(benchmark);
        } catch (Exception failed) {
            failed.printStackTrace();
            return 1;
        }
    }

    /**
     * Parses {@code args} into {@code benchmark}'s options and checks them; returns it. Throws picocli's
     * {@link ParameterException} for a refused command line (an unknown option, a value that is not a number, a
     * value {@link Benchmark#check()} refuses).
     */
    public static <B extends Benchmark<?>> B parse(B benchmark, String... args) {
        CommandLine line = commandLine(benchmark);
        line.parseArgs(args);
        check(line, benchmark);
        return benchmark;
    }

    /** {@code benchmark}'s usage: every option with its default, as {@code --help} prints it. */
    public static String usage(Benchmark<?> benchmark) {
        return commandLine(benchmark).getUsageMessage();
    }

    /**
     * Runs a parsed benchmark and writes its JSON, its chart and (unless it says not to) its section of the docs page;
     * logs where they went and each target; returns the result.
     */
    public static <R extends Result> R run(Benchmark<R> benchmark) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path out = benchmark.out();
        Files.createDirectories(out);
        Path doc = out.toAbsolutePath().getParent().resolve(out.getFileName() + ".md");
        Path json = out.resolve(benchmark.name() + ".json");
        Path chart = out.resolve(benchmark.name() + ".png");
        String chartLink = doc.getParent().relativize(chart.toAbsolutePath()).toString().replace('\\', '/');

        R result = benchmark.run(chartLink);

        Files.writeString(json, JSON.writeValueAsString(result) + "\n");
        benchmark.drawChart(result, chart);
        if (benchmark.writesDocs()) {
            String existing = Files.exists(doc) ? Files.readString(doc) : null;
            Files.writeString(doc, Report.upsert(existing, result.benchmark(), benchmark.section(result)));
            Log.line("wrote " + json + ", " + chart + " and " + doc);
        } else {
            Log.line("wrote " + json + " and " + chart);
        }
        for (Target target : result.targets()) {
            Log.line(String.format(Locale.ROOT, "%-5s %s: %s (goal %s)", target.pass() ? "PASS" : "FAIL",
                    target.name(), target.actual(), target.goal()));
        }
        return result;
    }

    private static <R extends Result> int runAndExitCode(Benchmark<R> benchmark) throws Exception {
        return benchmark.exitCode(run(benchmark));
    }

    private static CommandLine commandLine(Benchmark<?> benchmark) {
        CommandLine line = new CommandLine(benchmark);
        line.getCommandSpec().addOption(OptionSpec.builder("--help").usageHelp(true)
                .description("print these options and exit").build());
        line.setUsageHelpWidth(120);
        return line;
    }

    private static void check(CommandLine line, Benchmark<?> benchmark) {
        try {
            benchmark.check();
        } catch (IllegalArgumentException refused) {
            throw new ParameterException(line, refused.getMessage(), refused);
        }
    }
}
