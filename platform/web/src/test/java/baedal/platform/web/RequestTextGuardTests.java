package baedal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import baedal.kernel.InvalidInput;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

class RequestTextGuardTests {

    private final RequestTextGuard guard = new RequestTextGuard();

    private InvalidInput refusal(String query, Map<String, String> pathVariables) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/members/1/orders");
        request.setQueryString(query);
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, pathVariables);
        try {
            guard.preHandle(request, new MockHttpServletResponse(), new Object());
            return null;
        } catch (InvalidInput invalid) {
            return invalid;
        }
    }

    @Test
    void letsOrdinaryParametersThrough() {
        assertThat(refusal("status=PLACED,ACCEPTED&from=2026-11-25&cursor=MToxOjE&size=5&flag&&x=%EA%B0%80+b",
                Map.of("memberId", "1001"))).isNull();
        assertThat(refusal(null, Map.of())).isNull();
    }

    @Test
    void namesEveryParameterAndPathVariableWithAControlCharacter() {
        InvalidInput invalid = refusal("cursor=%00&status=PLACED%0A&size=5&from=%7F&to=%C2%85", Map.of("memberId", "1\u0001"));

        assertThat(invalid.violations()).extracting(InvalidInput.FieldViolation::field)
                .containsExactlyInAnyOrder("cursor", "status", "from", "to", "memberId");
        assertThat(invalid.violations().getFirst().message()).isEqualTo("must not contain control characters (U+0000 at index 0)");
    }

    @Test
    void refusesBrokenPercentEncodingsAndNamesWithControlCharacters() {
        assertThat(refusal("cursor=%zz", Map.of()).violations().getFirst())
                .isEqualTo(new InvalidInput.FieldViolation("cursor", "has a malformed percent-encoding"));
        assertThat(refusal("size=%4", Map.of()).violations().getFirst().field()).isEqualTo("size");
        assertThat(refusal("a%00b=1", Map.of()).violations().getFirst().field()).isEqualTo("a\\u0000b");
    }

    @Test
    void decodesLikeTheContainer() {
        assertThat(RequestTextGuard.decode("a+b%20c%EA%B0%80")).isEqualTo("a b c가");
        assertThat(RequestTextGuard.decode("%")).isNull();
        assertThatThrownBy(() -> { throw refusal("x=%00", Map.of()); }).isInstanceOf(InvalidInput.class);
    }
}
