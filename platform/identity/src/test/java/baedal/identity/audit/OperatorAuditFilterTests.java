package baedal.identity.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OperatorAuditFilterTests {

    @Test
    void readsTheReasonOfAJsonBody() {
        assertThat(OperatorAuditFilter.reasonIn("{\"reason\": \"고객 요청\", \"x\": 1}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("고객 요청");
    }

    @Test
    void findsNoReasonInABodyWithoutOneOrNotJsonAtAll() {
        assertThat(OperatorAuditFilter.reasonIn(new byte[0])).isNull();
        assertThat(OperatorAuditFilter.reasonIn("{\"reason\": 3}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(OperatorAuditFilter.reasonIn("{\"cookingMinutes\": 3}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(OperatorAuditFilter.reasonIn("not json".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void decodesAPercentEncodedReasonAndKeepsAnyOtherAsSent() {
        assertThat(OperatorAuditFilter.decoded("%EA%B3%A0%EA%B0%9D%20%EC%9A%94%EC%B2%AD")).isEqualTo("고객 요청");
        assertThat(OperatorAuditFilter.decoded("customer called")).isEqualTo("customer called");
        assertThat(OperatorAuditFilter.decoded("50% off")).isEqualTo("50% off");
        assertThat(OperatorAuditFilter.decoded("a+b")).isEqualTo("a+b");
        assertThat(OperatorAuditFilter.decoded(null)).isNull();
    }
}
