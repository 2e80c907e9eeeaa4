package baedal.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportTests {

    @Test
    void upsertKeepsOtherSectionsAndReplacesItsOwn() {
        String first = Report.upsert(null, "placement", "## Order placement\nold");
        assertThat(first).startsWith("# Benchmarks").contains("old");
        String withOther = Report.upsert(first, "relay", "## Relay\nrelay numbers");
        String again = Report.upsert(withOther, "placement", "## Order placement\nnew");
        assertThat(again).contains("new").doesNotContain("old").contains("relay numbers");
        assertThat(again.indexOf("Order placement")).isLessThan(again.indexOf("## Relay"));
        assertThat(Report.upsert(again, "placement", "## Order placement\nnew")).isEqualTo(again);
    }
}
