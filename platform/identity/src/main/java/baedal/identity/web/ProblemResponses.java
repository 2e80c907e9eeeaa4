package baedal.identity.web;

import baedal.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the RFC 9457 bodies of the answers the security filters give before any controller runs: 401
 * {@code https://baedal.io/problems/unauthorized} and 403 {@code https://baedal.io/problems/forbidden}.
 */
final class ProblemResponses {

    static final String UNAUTHORIZED = "unauthorized";

    static final String FORBIDDEN = "forbidden";

    private ProblemResponses() {
    }

    static void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        write(request, response, HttpStatus.UNAUTHORIZED, UNAUTHORIZED, "Unauthorized", detail);
    }

    static void forbidden(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden", detail);
    }

    static Map<String, Object> body(HttpStatus status, String kind, String title, String detail, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problems.type(kind).toString());
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", instance);
        return body;
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String kind, String title, String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] json = JsonMapper.shared()
                .writeValueAsBytes(body(status, kind, title, detail, request.getRequestURI()));
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }
}
