package baedal.orderview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class OrderViewPropertiesTests {

    private static final OrderViewProperties.Datasource DB = new OrderViewProperties.Datasource("jdbc:postgresql://h/db",
            null, null);

    @Test
    void hasSafeDefaults() {
        OrderViewProperties defaults = OrderViewProperties.defaults(DB);

        assertThat(defaults.zone()).isEqualTo(ZoneId.of("Asia/Seoul"));
        assertThat(defaults.readYourWritesTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.defaultPageSize()).isEqualTo(20);
        assertThat(defaults.maxPageSize()).isEqualTo(50);
        assertThat(defaults.projector().groupId()).isEqualTo("order-view-projector");
        assertThat(defaults.datasource().username()).isEqualTo("postgres");
    }

    @Test
    void rejectsAReadYourWritesWaitLongerThanTenSeconds() {
        assertThatThrownBy(() -> OrderViewProperties.defaults(DB).withReadYourWritesTimeout(Duration.ofSeconds(11)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read-your-writes-timeout");
    }

    @Test
    void rejectsADefaultPageLargerThanTheMaximum() {
        assertThatThrownBy(() -> new OrderViewProperties(DB, 8, Duration.ofSeconds(1), "classpath:db/order-view",
                ZoneId.of("Asia/Seoul"), Duration.ofSeconds(2), 60, 50, OrderViewProperties.Projector.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("default-page-size");
    }

    @Test
    void rejectsAnEmptyBatch() {
        assertThatThrownBy(() -> OrderViewProperties.Projector.defaults().withBatchSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch-size");
    }

    @Test
    void namesTheMissingDatabaseSetting() {
        assertThatThrownBy(() -> new OrderViewProperties.Datasource(null, null, null).requiredUrl())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("baedal.order-view.datasource.url");
    }
}
