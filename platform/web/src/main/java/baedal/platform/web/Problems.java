package baedal.platform.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem details with a stable {@code type} URI per kind of problem. The URI is an
 * identifier that clients may switch on; it never changes once published. Kinds are listed in the README.
 */
public final class Problems {

    /** Every problem type of baedal lives under this base. */
    public static final String TYPE_BASE = "https://baedal.io/problems/";

    /** The media type of every error response. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static URI type(String kind) {
        return URI.create(TYPE_BASE + kind);
    }

    public static ProblemDetail problem(HttpStatus status, String kind, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(kind));
        problem.setTitle(title);
        return problem;
    }

    /**
     * The kind of a problem known by its status only — one the servlet container answers by itself, or a
     * framework error without a kind of its own: {@code bad-request} (400), {@code not-found} (404),
     * {@code method-not-allowed} (405), {@code not-acceptable} (406), {@code request-too-large} (413),
     * {@code unsupported-media-type} (415), {@code internal-error} (500), and {@code http-error} for any other
     * status (the {@code status} member says which).
     */
    public static String kindOf(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "request-too-large";
            case 415 -> "unsupported-media-type";
            case 500 -> "internal-error";
            default -> "http-error";
        };
    }

    /** The title of a problem known by its status only. */
    static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 413 -> "Request too large";
            case 415 -> "Unsupported media type";
            case 500 -> "Internal error";
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                yield known == null ? "HTTP error " + status : known.getReasonPhrase();
            }
        };
    }

    /** The detail of a 500: never the failure itself, which only the log gets. */
    static final String INTERNAL_ERROR_DETAIL = "The request failed unexpectedly; nothing is assumed written.";

    /**
     * The problem+json body of an error known by its status only, for code that writes to the servlet response
     * itself (the error path, Tomcat's error report). {@code reason}, if given, is the container's own short
     * message (e.g. {@code Invalid URI}); it is cut to one line of at most 200 characters and any control
     * character in it is escaped, so a rejected request never echoes raw bytes back.
     */
    static byte[] body(int status, String reason) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_BASE + kindOf(status));
        problem.put("title", titleOf(status));
        problem.put("status", status);
        problem.put("detail", detailOf(status, reason));
        return JsonMapper.shared().writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
    }

    private static String detailOf(int status, String reason) {
        if (status >= 500) {
            return status == 500 ? INTERNAL_ERROR_DETAIL : "The server could not handle the request (" + status + ").";
        }
        if (reason == null || reason.isBlank()) {
            return "The request was refused.";
        }
        String line = reason.strip().lines().findFirst().orElse("");
        if (line.length() > 200) {
            line = line.substring(0, 200) + "…";
        }
        return "The request was refused: " + TextInput.escaped(line);
    }
}
