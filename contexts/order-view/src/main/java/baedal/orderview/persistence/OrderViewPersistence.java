package baedal.orderview.persistence;

import baedal.orderview.OrderViewProperties;
import baedal.orderview.OrderViewStore;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Opens the read model's own database ({@code baedal.order-view.datasource.*}) and its store. */
@Configuration(proxyBeanMethods = false)
public class OrderViewPersistence {

    @Bean(destroyMethod = "close")
    OrderViewDatabase orderViewDatabase(OrderViewProperties properties, ObjectProvider<MeterRegistry> registry) {
        return OrderViewDatabase.open(properties, pool -> registry.ifAvailable(
                meters -> pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters))));
    }

    @Bean
    OrderViewStore orderViewStore(OrderViewDatabase database) {
        return new JdbcOrderViewStore(database, OrderViewTables.ACTIVE);
    }
}
