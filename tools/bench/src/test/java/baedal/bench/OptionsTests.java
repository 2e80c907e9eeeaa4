package baedal.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OptionsTests {

    @Test
    void readsOptionsWithAndWithoutEqualsSigns() {
        Options options = Options.parse(new String[] {"--duration", "20", "--rate=250"});

        assertThat(options.durationSeconds()).isEqualTo(20);
        assertThat(options.rate()).isEqualTo(250.0);
        assertThat(options.warmupSeconds()).isEqualTo(15);
    }

    @Test
    void rejectsAnUnknownOptionInsteadOfRunningWithDefaults() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--durration", "20"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--durration");
    }
}
