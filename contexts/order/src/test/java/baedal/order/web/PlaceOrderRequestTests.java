package baedal.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import baedal.identity.Caller;
import baedal.kernel.InvalidInput;
import baedal.order.ActingForAnother;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceOrderRequestTests {

    private static final Caller OPERATOR = Caller.operator("operator");

    private static final PlaceOrderRequest.Address ADDRESS =
            new PlaceOrderRequest.Address("서울특별시 강남구 테헤란로 152", "12층", "06236", 37.5, 127.03);

    private static PlaceOrderRequest withItems(List<PlaceOrderRequest.Item> items) {
        return new PlaceOrderRequest(1L, 1L, items, ADDRESS, 23_000L, null, null);
    }

    private static List<String> fieldsOf(PlaceOrderRequest request) {
        return catchThrowableOfType(InvalidInput.class, () -> request.toCommand(OPERATOR)).violations().stream()
                .map(InvalidInput.FieldViolation::field).toList();
    }

    @Test
    void buildsTheCommandFromAValidRequest() {
        var command = withItems(List.of(new PlaceOrderRequest.Item(101L, 1, List.of(1001L)))).toCommand(OPERATOR);

        assertThat(command.items()).hasSize(1);
        assertThat(command.requestToShop()).isEmpty();
    }

    @Test
    void placesAMembersOrderForTheMemberOfTheToken() {
        PlaceOrderRequest withoutMember = new PlaceOrderRequest(null, 1L,
                List.of(new PlaceOrderRequest.Item(101L, 1, null)), ADDRESS, 23_000L, null, null);

        assertThat(withoutMember.toCommand(Caller.member("member-1001", 1001)).member().value()).isEqualTo(1001);
    }

    @Test
    void refusesAMemberPlacingForAnotherMember() {
        PlaceOrderRequest forAnother = new PlaceOrderRequest(1002L, 1L,
                List.of(new PlaceOrderRequest.Item(101L, 1, null)), ADDRESS, 23_000L, null, null);

        assertThatThrownBy(() -> forAnother.toCommand(Caller.member("member-1001", 1001)))
                .isInstanceOf(ActingForAnother.class);
    }

    @Test
    void rejectsQuantityOutsideOneToNinetyNine() {
        assertThat(fieldsOf(withItems(List.of(new PlaceOrderRequest.Item(101L, 0, null))))).containsExactly("items[0].quantity");
        assertThat(fieldsOf(withItems(List.of(new PlaceOrderRequest.Item(101L, 100, null))))).containsExactly("items[0].quantity");
    }

    @Test
    void rejectsMoreThanFiftyLines() {
        assertThat(fieldsOf(withItems(Collections.nCopies(51, new PlaceOrderRequest.Item(101L, 1, null)))))
                .containsExactly("items");
    }

    @Test
    void namesEveryMissingFieldAtOnce() {
        assertThat(fieldsOf(new PlaceOrderRequest(null, null, null, null, null, null, null)))
                .containsExactly("memberId", "shopId", "items", "deliveryAddress", "paymentAmount");
    }

    @Test
    void rejectsOversizedText() {
        PlaceOrderRequest request = new PlaceOrderRequest(1L, 1L, List.of(new PlaceOrderRequest.Item(101L, 1, null)),
                ADDRESS, 23_000L, "가".repeat(201), null);

        assertThat(fieldsOf(request)).containsExactly("requestToShop");
    }

    @Test
    void rejectsAMalformedZipCode() {
        PlaceOrderRequest request = new PlaceOrderRequest(1L, 1L, List.of(new PlaceOrderRequest.Item(101L, 1, null)),
                new PlaceOrderRequest.Address("테헤란로 152", null, "6236", 37.5, 127.03), 23_000L, null, null);

        assertThat(fieldsOf(request)).containsExactly("deliveryAddress.zipCode");
    }

    @Test
    void readsAVersionFromIfMatchInEveryCommonForm() {
        assertThat(OrderController.expectedVersion("3")).hasValue(3);
        assertThat(OrderController.expectedVersion("\"3\"")).hasValue(3);
        assertThat(OrderController.expectedVersion("W/\"3\"")).hasValue(3);
        assertThat(OrderController.expectedVersion(null)).isEmpty();
    }
}
