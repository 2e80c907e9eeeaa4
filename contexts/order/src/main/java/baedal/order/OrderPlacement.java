package baedal.order;

import baedal.catalog.Catalog;
import baedal.catalog.LineSelection;
import baedal.catalog.MenuId;
import baedal.catalog.OptionId;
import baedal.catalog.PricedSelection;
import baedal.catalog.SelectionRejected;
import baedal.catalog.ShopId;
import baedal.kernel.Money;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Places orders (주문 생성). Prices are the server's: the command names menus and options, the catalog
 * prices them, and the member's payment amount must equal the computed total. The order is then stored
 * once per idempotency key on a shard chosen from that key.
 */
@Service
public class OrderPlacement {

    private final Catalog catalog;
    private final Orders orders;
    private final Clock clock;

    public OrderPlacement(Catalog catalog, Orders orders, Clock clock) {
        this.catalog = catalog;
        this.orders = orders;
        this.clock = clock;
    }

    /**
     * Places the order, or returns the one this key placed before. Throws {@link SelectionRejected},
     * {@link BelowMinimumOrder} or {@link PaymentAmountMismatch} when the order cannot be priced as sent —
     * unless the key already placed this very request, whose order is then returned as it was.
     */
    public Orders.Placed place(IdempotencyKey key, PlaceOrder command) {
        String fingerprint = command.fingerprint();
        PricedOrder priced;
        try {
            priced = price(command);
        } catch (SelectionRejected | BelowMinimumOrder | PaymentAmountMismatch refused) {
            return orders.placedUnder(key, fingerprint).orElseThrow(() -> refused);
        }
        return orders.place(key, fingerprint, orderNo -> Order.place(orderNo, command.member(), priced.shop(),
                priced.lines(), command.address(), priced.deliveryFee(), command.paymentAmount(),
                command.requestToShop(), command.requestToRider(), clock.instant()));
    }

    private PricedOrder price(PlaceOrder command) {
        List<LineSelection> selections = command.items().stream()
                .map(item -> new LineSelection(new MenuId(item.menuId()), item.quantity(),
                        item.optionIds().stream().map(OptionId::new).toList()))
                .toList();
        PricedSelection selection = catalog.price(new ShopId(command.shopId()), selections);
        List<OrderLine> lines = selection.lines().stream()
                .map(line -> new OrderLine(line.menuId().value(), line.menuName(), line.unitPrice(), line.quantity(),
                        line.options().stream()
                                .map(option -> new OrderLine.ChosenOption(option.optionId().value(),
                                        option.groupName(), option.name(), option.price()))
                                .toList()))
                .toList();
        Money itemsTotal = lines.stream().map(OrderLine::lineTotal).reduce(Money.ZERO, Money::plus);
        if (itemsTotal.compareTo(selection.shop().minimumOrderAmount()) < 0) {
            throw new BelowMinimumOrder(selection.shop().minimumOrderAmount(), itemsTotal);
        }
        Money deliveryFee = selection.shop().deliveryFee();
        Money total = itemsTotal.plus(deliveryFee);
        if (!total.equals(command.paymentAmount())) {
            throw new PaymentAmountMismatch(total, command.paymentAmount());
        }
        return new PricedOrder(new Order.ShopRef(selection.shop().id().value(), selection.shop().name()), lines, deliveryFee);
    }

    private record PricedOrder(Order.ShopRef shop, List<OrderLine> lines, Money deliveryFee) {
    }
}
