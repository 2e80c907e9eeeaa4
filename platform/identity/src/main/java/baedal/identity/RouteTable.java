package baedal.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Every module's {@link RouteRules} merged: the rules the security filter chain enforces, in the order it checks
 * them — the most specific pattern first (so {@code /api/operator/flags} wins over {@code /api/operator/**} whichever
 * module declared which), a rule for one method before a rule for every method. A request no rule matches is
 * denied. Two modules declaring the same method and pattern is a startup error.
 * <p>
 * A test checks every route of the app against it with {@link #ruleForRoute(HttpMethod, String)}.
 */
public final class RouteTable {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?[^}/]+}");

    private final List<RouteRule> rules;

    private final List<PathPattern> patterns;

    private RouteTable(List<RouteRule> rules) {
        this.rules = List.copyOf(rules);
        this.patterns = rules.stream().map(RouteRule::parsedPattern).toList();
    }

    /** Merges the contributions; rejects a method and pattern declared twice. */
    public static RouteTable merge(Collection<RouteRules> contributions) {
        Map<String, RouteRule> byRoute = new HashMap<>();
        List<RouteRule> rules = new ArrayList<>();
        for (RouteRules contribution : contributions) {
            for (RouteRule rule : contribution.rules()) {
                String route = (rule.method() == null ? "*" : rule.method().name()) + " "
                        + rule.parsedPattern().getPatternString();
                RouteRule earlier = byRoute.putIfAbsent(route, rule);
                if (earlier != null) {
                    throw new IllegalStateException("Route " + route + " has two rules: " + earlier + " and " + rule);
                }
                rules.add(rule);
            }
        }
        rules.sort(Comparator.comparing(RouteRule::parsedPattern,
                        PathPattern.SPECIFICITY_COMPARATOR)
                .thenComparing(rule -> rule.method() == null)
                .thenComparing(RouteRule::pattern)
                .thenComparing(rule -> Objects.toString(rule.method(), "")));
        return new RouteTable(rules);
    }

    /** The rules, in the order they are checked. */
    public List<RouteRule> rules() {
        return rules;
    }

    /** The rule that decides a request with this method and path; empty when none does (the request is denied). */
    public Optional<RouteRule> ruleFor(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (int i = 0; i < rules.size(); i++) {
            RouteRule rule = rules.get(i);
            if ((rule.method() == null || rule.method().equals(method)) && patterns.get(i).matches(container)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /**
     * The rule that decides requests to a route as a handler mapping declares it ({@code /api/orders/{orderNo}}):
     * its variables are filled with a sample segment and the resulting path looked up.
     */
    public Optional<RouteRule> ruleForRoute(HttpMethod method, String routePattern) {
        return ruleFor(method, sample(routePattern));
    }

    static String sample(String routePattern) {
        Matcher variable = VARIABLE.matcher(routePattern);
        String sampled = variable.replaceAll("1");
        return sampled.replace("/**", "/1").replace("/*", "/1");
    }

    @Override
    public String toString() {
        StringBuilder table = new StringBuilder();
        rules.forEach(rule -> table.append(rule).append('\n'));
        return table.toString();
    }
}
