package baedal.order;

import baedal.kernel.catalogue.CommandType;
import baedal.kernel.catalogue.ContextCatalogue;
import java.util.List;

/**
 * The commands the order context accepts — the intents of {@link OrderPlacement} and {@link OrderFulfilment} —
 * with the roles that issue them and the events each emits. The order context's contribution of commands to
 * the platform's catalogue (registered as a service); its events are listed by the {@code order-events} module.
 */
public final class OrderCommands implements ContextCatalogue {

    private static final List<CommandType> COMMANDS = List.of(
            new CommandType("PlaceOrder", List.of("MEMBER"), "주문하기: order menus of one shop, priced by the server",
                    List.of("OrderPlaced")),
            new CommandType("AcceptOrder", List.of("SHOP"), "주문 접수: the shop accepts and names its cooking time",
                    List.of("OrderAccepted")),
            new CommandType("RejectOrder", List.of("SHOP"), "the shop refuses a placed order with a reason",
                    List.of("OrderRejected")),
            new CommandType("CancelOrder", List.of("MEMBER", "OPERATOR"), "주문취소 before the rider is dispatched",
                    List.of("OrderCancelled")),
            new CommandType("DispatchRider", List.of("OPERATOR", "RIDER"), "배차: a rider takes an accepted order",
                    List.of("RiderDispatched")),
            new CommandType("ArriveAtShop", List.of("RIDER"), "the rider reports being at the shop",
                    List.of("RiderArrivedAtShop")),
            new CommandType("PickUpOrder", List.of("RIDER"), "픽업: the rider takes the food",
                    List.of("OrderPickedUp")),
            new CommandType("DeliverOrder", List.of("RIDER"), "배달완료: the rider hands the food over",
                    List.of("OrderDelivered")));

    /** For the service loader. */
    public OrderCommands() {
    }

    @Override
    public String context() {
        return "order";
    }

    @Override
    public List<CommandType> commands() {
        return COMMANDS;
    }
}
