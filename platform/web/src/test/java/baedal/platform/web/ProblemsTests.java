package baedal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemsTests {

    private static JsonNode body(int status, String reason) {
        return JsonMapper.shared().readTree(new String(Problems.body(status, reason), StandardCharsets.UTF_8));
    }

    @Test
    void namesAStatusOnlyProblemByItsStatus() {
        JsonNode problem = body(400, "Invalid URI");

        assertThat(problem.path("type").asString()).isEqualTo("https://baedal.io/problems/bad-request");
        assertThat(problem.path("title").asString()).isEqualTo("Bad request");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("detail").asString()).isEqualTo("The request was refused: Invalid URI");
        assertThat(body(505, null).path("type").asString()).isEqualTo("https://baedal.io/problems/http-error");
        assertThat(body(505, null).path("title").asString()).isEqualTo("HTTP Version not supported");
        assertThat(Problems.kindOf(405)).isEqualTo("method-not-allowed");
        assertThat(Problems.kindOf(413)).isEqualTo("request-too-large");
    }

    @Test
    void neverEchoesRawControlCharactersNorServerFailures() {
        String detail = body(400, "The HTTP header line [X-Evil:a\u0001b] does not conform\nsecond line").path("detail").asString();
        assertThat(detail).isEqualTo("The request was refused: The HTTP header line [X-Evil:a\\u0001b] does not conform");

        assertThat(body(400, "x".repeat(500)).path("detail").asString()).hasSize("The request was refused: ".length() + 201);
        assertThat(body(500, "java.sql.SQLException: password=secret").path("detail").asString())
                .isEqualTo(Problems.INTERNAL_ERROR_DETAIL);
        assertThat(body(503, "pool exhausted").path("detail").asString()).doesNotContain("pool");
    }
}
