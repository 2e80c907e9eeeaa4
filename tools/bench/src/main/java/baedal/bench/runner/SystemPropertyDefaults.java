package baedal.bench.runner;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Lets the system property {@code bench.<name>} stand in for the option {@code --<name>}, e.g.
 * {@code -Dbench.duration=20}: an argument wins over the property, the property over the option's default.
 * Used by the benchmarks that start the platform in this JVM, as {@code @Command(defaultValueProvider = ...)}.
 */
public final class SystemPropertyDefaults implements IDefaultValueProvider {

    @Override
    public String defaultValue(ArgSpec argument) {
        if (argument instanceof OptionSpec option) {
            return System.getProperty("bench." + option.longestName().replaceFirst("^--", ""));
        }
        return null;
    }
}
