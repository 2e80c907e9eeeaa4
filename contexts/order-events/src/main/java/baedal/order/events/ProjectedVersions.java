package baedal.order.events;

import java.util.Collection;
import java.util.Map;

/**
 * Which versions of orders the order read model holds. The write side keeps "dynamic" order data 30 days; it
 * removes a finished order only once the read model holds its final version, so the order's history is never
 * lost. The read model implements this interface, so the order context never depends on it; where none runs,
 * nothing is removed.
 */
public interface ProjectedVersions {

    /** The version of each of these orders that the read model holds; orders it does not hold are absent. */
    Map<Long, Long> of(Collection<Long> orderNos);
}
