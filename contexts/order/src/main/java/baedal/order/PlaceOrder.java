package baedal.order;

import baedal.kernel.Money;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The command to place an order: who orders, from which shop, which menus and options in what quantity,
 * where to deliver, and how much the member agreed to pay. It names no prices: the catalog prices it.
 */
public record PlaceOrder(MemberId member, long shopId, List<Item> items, DeliveryAddress address,
        Money paymentAmount, String requestToShop, String requestToRider) {

    /** At most this many lines in one order. */
    public static final int MAX_LINES = 50;
    /** At most this many of one menu in a line. */
    public static final int MAX_QUANTITY = 99;

    public PlaceOrder {
        items = List.copyOf(items);
        if (items.isEmpty() || items.size() > MAX_LINES) {
            throw new IllegalArgumentException("an order has 1.." + MAX_LINES + " lines");
        }
        requestToShop = requestToShop == null ? "" : requestToShop;
        requestToRider = requestToRider == null ? "" : requestToRider;
    }

    /** One requested line: a menu, how many (1..99), and the chosen option ids. */
    public record Item(long menuId, int quantity, List<Long> optionIds) {
        public Item {
            if (quantity < 1 || quantity > MAX_QUANTITY) {
                throw new IllegalArgumentException("quantity must be within 1.." + MAX_QUANTITY + ": " + quantity);
            }
            optionIds = List.copyOf(optionIds);
        }
    }

    /**
     * A digest of everything the command says, so that a retry under the same idempotency key can be told
     * apart from a different order reusing the key.
     */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder()
                .append(member.value()).append('|').append(shopId).append('|');
        for (Item item : items) {
            canonical.append(item.menuId()).append('x').append(item.quantity()).append(item.optionIds()).append(';');
        }
        canonical.append('|').append(address.road()).append('|').append(address.detail())
                .append('|').append(address.zipCode()).append('|').append(address.lat()).append('|').append(address.lng())
                .append('|').append(paymentAmount.won()).append('|').append(requestToShop).append('|').append(requestToRider);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }
}
