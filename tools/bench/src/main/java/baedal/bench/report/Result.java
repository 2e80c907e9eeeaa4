package baedal.bench.report;

import baedal.bench.report.Results.Target;
import java.util.List;

/** What every benchmark's result carries, whatever else it measured: its name and its targets. */
public interface Result {

    /** The benchmark's name: of its JSON file, its chart and its section of the docs page. */
    String benchmark();

    List<Target> targets();
}
