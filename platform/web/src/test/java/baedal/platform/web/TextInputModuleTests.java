package baedal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON rules of every body, on a mapper configured as the application's is ({@link JsonInput}): texts with
 * control characters and fractions or out-of-range numbers where whole numbers are expected are refused with
 * the field's path, and {@link JsonInputErrors} turns each into the field error the client sees.
 */
class TextInputModuleTests {

    private static final JsonMapper JSON = mapper();

    private static JsonMapper mapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new JsonInput().customize(builder);
        return builder.build();
    }

    record Address(String road, String detail, Double lat) {
    }

    record Item(Long menuId, Integer quantity, List<Long> optionIds) {
    }

    enum By { MEMBER, OPERATOR }

    record Order(Long memberId, List<Item> items, Address deliveryAddress, String requestToShop, List<String> tags,
            Map<String, String> headers, Object anything, String[] names, Short small, Byte tiny, Instant from,
            UUID id, By by, LocalDate day) {
    }

    private static JsonInputErrors.FieldError refusal(String json) {
        try {
            JSON.readValue(json, Order.class);
        } catch (JacksonException failure) {
            return JsonInputErrors.of(failure);
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void readsOrdinaryBodiesAsBefore() {
        Order order = JSON.readValue("""
                {"memberId": 1001, "items": [{"menuId": 101, "quantity": 2, "optionIds": [1002]}],
                 "deliveryAddress": {"road": "테헤란로 152", "lat": 37.5}, "requestToShop": "맵지 않게\\n해주세요\\t!",
                 "tags": ["a"], "headers": {"k": "v"}, "anything": {"x": ["y"]}, "names": ["n"], "small": 7, "tiny": -1,
                 "from": "2026-11-25T00:00:00Z", "id": "7c2e3d4c-1111-4222-8333-944455556666", "by": "OPERATOR",
                 "day": "2026-11-25"}""",
                Order.class);

        assertThat(order.items().getFirst().quantity()).isEqualTo(2);
        assertThat(order.requestToShop()).isEqualTo("맵지 않게\n해주세요\t!");
        assertThat(order.deliveryAddress().lat()).isEqualTo(37.5);
        assertThat(order.by()).isEqualTo(By.OPERATOR);
        assertThat(order.from()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(order.anything()).isEqualTo(Map.of("x", List.of("y")));
        assertThat(JSON.readValue("{\"memberId\": -0, \"requestToShop\": null}", Order.class).requestToShop()).isNull();
    }

    @Test
    void refusesControlCharactersInEveryKindOfStringWithTheFieldsPath() {
        assertThat(refusal("{\"requestToShop\": \"a\\u0000b\"}")).isEqualTo(
                new JsonInputErrors.FieldError("requestToShop", "must not contain control characters (U+0000 at index 1)"));
        assertThat(refusal("{\"deliveryAddress\": {\"road\": \"x\", \"detail\": \"\\u001b[31m\"}}").field())
                .isEqualTo("deliveryAddress.detail");
        assertThat(refusal("{\"tags\": [\"ok\", \"\\u007f\"]}").field()).isEqualTo("tags[1]");
        assertThat(refusal("{\"names\": [\"\\u0085\"]}").field()).isEqualTo("names[0]");
        assertThat(refusal("{\"headers\": {\"k\": \"\\u0000\"}}").field()).isEqualTo("headers.k");
        assertThat(refusal("{\"headers\": {\"a\\nb\": \"v\"}}").field()).startsWith("headers");
        assertThat(refusal("{\"anything\": {\"deep\": [\"\\u0000\"]}}").field()).startsWith("anything");
        assertThat(refusal("{\"requestToShop\": \"\\ud83d\"}").message()).contains("unpaired surrogate");
    }

    @Test
    void refusesControlCharactersInTextsBoundToOtherTypesAsText() {
        assertThat(refusal("{\"from\": \"2026-11-25T00:00:00Z\\u0000\"}")).isEqualTo(
                new JsonInputErrors.FieldError("from", "must not contain control characters (U+0000 at index 20)"));
        assertThat(refusal("{\"day\": \"2026-11-25\\u0000\"}").field()).isEqualTo("day");
        assertThat(refusal("{\"id\": \"\\u0000\"}").field()).isEqualTo("id");
        assertThat(refusal("{\"by\": \"MEMBER\\u0000\"}").field()).isEqualTo("by");
        assertThat(refusal("{\"memberId\": \"1\\u0000\"}").field()).isEqualTo("memberId");
        assertThat(refusal("{\"items\": [{\"optionIds\": [\"1\\u0085\"]}]}").field()).isEqualTo("items[0].optionIds[0]");
    }

    @Test
    void refusesARawControlCharacterTheParserLetsThrough() {
        // JSON forbids raw control characters in strings; whichever layer refuses it, nothing is read
        assertThatThrownBy(() -> JSON.readValue("{\"requestToShop\": \"a\u0001b\"}", Order.class))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void refusesFractionsWhereWholeNumbersAreExpected() {
        assertThat(refusal("{\"memberId\": 1.5}")).isEqualTo(new JsonInputErrors.FieldError("memberId", "must be a whole number"));
        assertThat(refusal("{\"items\": [{\"quantity\": 2.7}]}").field()).isEqualTo("items[0].quantity");
        assertThat(refusal("{\"items\": [{\"menuId\": 1e2}]}").field()).isEqualTo("items[0].menuId");
        assertThat(refusal("{\"items\": [{\"optionIds\": [1, 1.5]}]}").field()).isEqualTo("items[0].optionIds[1]");
        assertThat(refusal("{\"small\": 2.0}").field()).isEqualTo("small");
        assertThat(refusal("{\"items\": [{\"quantity\": 2.0}]}").message()).isEqualTo("must be a whole number");
    }

    @Test
    void refusesNumbersBeyondTheJavaType() {
        assertThat(refusal("{\"items\": [{\"quantity\": 2147483648}]}")).isEqualTo(new JsonInputErrors.FieldError(
                "items[0].quantity", "is out of range: must be a whole number within -2147483648..2147483647"));
        assertThat(refusal("{\"memberId\": 9223372036854775808}").message())
                .isEqualTo("is out of range: must be a whole number within -9223372036854775808..9223372036854775807");
        assertThat(refusal("{\"items\": [{\"optionIds\": [-99999999999999999999]}]}").field()).isEqualTo("items[0].optionIds[0]");
        assertThat(refusal("{\"small\": 40000}").message()).contains("-32768..32767");
        assertThat(refusal("{\"tiny\": 300}").message()).isEqualTo("is out of range"); // Jackson reads 128..255 as unsigned
    }

    @Test
    void leavesShapeErrorsToTheMalformedRequestAnswer() {
        assertThat(refusal("{\"memberId\": \"not-a-number\"}")).isNull();
        assertThat(refusal("{\"items\": {\"quantity\": 1}}")).isNull();
        assertThat(refusal("{\"memberId\": [1.5]}")).isNull();
    }
}
