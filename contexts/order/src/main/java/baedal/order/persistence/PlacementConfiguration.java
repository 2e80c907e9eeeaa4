package baedal.order.persistence;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Order placement over the shards ({@code baedal.order-placement.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlacementProperties.class)
class PlacementConfiguration {
}
