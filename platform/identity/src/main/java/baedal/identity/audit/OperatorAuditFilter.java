package baedal.identity.audit;

import baedal.identity.Caller;
import baedal.identity.Callers;
import baedal.identity.masking.PersonalData;
import baedal.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every state-changing request (POST, PUT, PATCH, DELETE) of an {@code OPERATOR} in the audit trail —
 * who, when, what and why — and refuses one that gives no reason: the header {@value #REASON} (percent-encoded
 * UTF-8 where it is not ASCII), or else a
 * {@code reason} in its JSON body (where the endpoint has one, e.g. a cancellation). Without either it is answered
 * 400 {@code invalid-request} naming {@value #REASON}, before anything is done. It runs after the security
 * filters, so the caller is known; other callers' requests pass untouched.
 */
final class OperatorAuditFilter extends OncePerRequestFilter implements Ordered {

    /** The request header that says why an operator makes a change. */
    static final String REASON = "Baedal-Reason";

    static final int MAX_REASON = 500;

    /** After Spring Security's filter chain (order -100), before the dispatcher. */
    static final int ORDER = 0;

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private static final Logger log = LoggerFactory.getLogger(OperatorAuditFilter.class);

    private final OperatorAuditLog trail;
    private final Clock clock;

    OperatorAuditFilter(OperatorAuditLog trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = Callers.current();
        if (!CHANGES.contains(request.getMethod()) || caller.isEmpty() || !caller.get().isOperator()) {
            chain.doFilter(request, response);
            return;
        }
        Instant at = clock.instant();
        HttpServletRequest forwarded = request;
        String reason = decoded(request.getHeader(REASON));
        if (reason == null || reason.isBlank()) {
            ReplayableRequest replayable = ReplayableRequest.of(request);
            forwarded = replayable;
            reason = replayable.jsonReason();
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            refuse(request, response, reason == null || reason.isBlank() ? "is required: say why (or give the body's reason)"
                    : "must have at most " + MAX_REASON + " characters");
            return;
        }
        int status = HttpStatus.INTERNAL_SERVER_ERROR.value();
        try {
            chain.doFilter(forwarded, response);
            status = response.getStatus();
        } finally {
            record(caller.get(), at, forwarded, status, reason);
        }
    }

    private void record(Caller operator, Instant at, HttpServletRequest request, int status, String reason) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        Map<String, String> targets = new LinkedHashMap<>();
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> targets.put(String.valueOf(name), String.valueOf(value)));
        }
        try {
            trail.record(new OperatorAction(0, operator.subject(), at, request.getMethod(),
                    pattern instanceof String route ? route : request.getRequestURI(), request.getRequestURI(),
                    targets, status, PersonalData.maskText(reason.strip())));
        } catch (RuntimeException failure) {
            log.error("Could not record {}'s {} {} in the operator audit trail", operator.subject(),
                    request.getMethod(), request.getRequestURI(), failure);
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String message)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problems.type("invalid-request").toString());
        body.put("title", "Invalid request");
        body.put("status", HttpStatus.BAD_REQUEST.value());
        body.put("detail", REASON + ": " + message);
        body.put("instance", request.getRequestURI());
        body.put("errors", List.of(Map.of("field", REASON, "message", message)));
        byte[] json = JsonMapper.shared().writeValueAsBytes(body);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    /**
     * A header carries ISO-8859-1 only, so a reason in Korean is sent percent-encoded UTF-8
     * ({@code %EA%B3%A0%EA%B0%9D...}); a value that is not valid percent-encoding is taken as it is.
     */
    static @Nullable String decoded(@Nullable String header) {
        if (header == null || header.indexOf('%') < 0) {
            return header;
        }
        try {
            return UriUtils.decode(header, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return header;
        }
    }

    /** The reason in a JSON body, for endpoints that take one; {@code null} when there is none. */
    static @Nullable String reasonIn(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            var node = JsonMapper.shared().readTree(body).path("reason");
            return node.isString() ? node.asString() : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
