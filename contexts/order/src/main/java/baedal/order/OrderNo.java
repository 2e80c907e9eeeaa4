package baedal.order;

import baedal.sharding.ShardNo;
import java.util.Optional;

/**
 * The order number (주문번호). It is issued by the shard that stores the order: that shard's own sequence
 * gives the order's serial, and the last three decimal digits are the shard number —
 * {@code orderNo = serial × 1000 + shard}. So the talk's rule "주문 순번 % 샤드 수 = 샤드 번호" holds with a
 * fixed modulus of {@value ShardNo#CAPACITY}: routing is a pure function of the number, adding shards never
 * changes where an existing number points, and no shared sequence service exists to fail.
 */
public record OrderNo(long value) {

    private static final int MAX_DIGITS = 18;

    public OrderNo {
        if (value < ShardNo.CAPACITY) {
            throw new IllegalArgumentException("not an order number: " + value);
        }
    }

    /** The number a shard issues for its {@code serial}-th order. */
    public static OrderNo issue(long serial, ShardNo shard) {
        if (serial <= 0) {
            throw new IllegalArgumentException("serial must be positive: " + serial);
        }
        return new OrderNo(Math.addExact(Math.multiplyExact(serial, ShardNo.CAPACITY), shard.value()));
    }

    /** Reads an order number as clients send it (decimal digits only); empty when it cannot be one. */
    public static Optional<OrderNo> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_DIGITS) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        long value = Long.parseLong(text);
        return value < ShardNo.CAPACITY ? Optional.empty() : Optional.of(new OrderNo(value));
    }

    /** The shard that stores this order. */
    public ShardNo shard() {
        return new ShardNo((int) (value % ShardNo.CAPACITY));
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
