package baedal.order.persistence;

import baedal.order.Order;
import baedal.order.OrderEvent;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one place where every state change of an order records its event, inside the transaction that stores
 * the change, on the same shard. Today it writes the change journal ({@code order_change}: order, version,
 * event type, time); the transactional outbox replaces this body and nothing else.
 */
@Component
public class OrderChangeLog {

    /** Records {@code event}, raised by the change that produced {@code after}, in the caller's transaction. */
    public void record(JdbcClient transaction, Order.Snapshot after, OrderEvent event) {
        if (event.version() != after.version() || !event.orderNo().equals(after.orderNo())) {
            throw new IllegalArgumentException("event " + event + " does not describe order state " + after.orderNo()
                    + " at version " + after.version());
        }
        transaction.sql("""
                insert into order_change (order_no, version, type, occurred_at)
                values (:orderNo, :version, :type, :occurredAt)""")
                .param("orderNo", event.orderNo().value())
                .param("version", event.version())
                .param("type", event.type())
                .param("occurredAt", Timestamp.from(event.occurredAt()))
                .update();
    }
}
