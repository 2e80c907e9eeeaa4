package baedal.identity;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * One endpoint rule: requests with this method (every method when {@code null}) whose path matches this pattern
 * (Spring MVC's path pattern syntax, as in {@code @GetMapping}: {@code /api/orders/{orderNo}}, {@code /api/operator/**})
 * may be called by {@code access}.
 *
 * @param method      the HTTP method, or {@code null} for every method
 * @param pattern     the path pattern
 * @param access      who may call it
 * @param contributor the module that contributed the rule (its {@link RouteRules#contributor()})
 */
public record RouteRule(@Nullable HttpMethod method, String pattern, Access access, String contributor) {

    public RouteRule {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(contributor, "contributor");
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("a path pattern starts with '/': " + pattern);
        }
        parsed(pattern);
    }

    /** The rule's pattern as Spring parses it (rejects a malformed pattern). */
    PathPattern parsedPattern() {
        return parsed(pattern);
    }

    private static PathPattern parsed(String pattern) {
        return PathPatternParser.defaultInstance.parse(pattern);
    }

    @Override
    public String toString() {
        return (method == null ? "*" : method.name()) + " " + pattern + " → " + access + " (" + contributor + ")";
    }
}
