package baedal.platform.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem details with a stable {@code type} URI per kind of problem. The URI is an
 * identifier that clients may switch on; it never changes once published. Kinds are listed in the README.
 */
public final class Problems {

    /** Every problem type of baedal lives under this base. */
    public static final String TYPE_BASE = "https://baedal.io/problems/";

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
}
