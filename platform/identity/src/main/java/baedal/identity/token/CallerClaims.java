package baedal.identity.token;

import baedal.identity.Caller;
import baedal.identity.IdentityProperties;
import baedal.identity.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The mapping between a token's claims and a {@link Caller}, as {@code baedal.identity.claims.*} configures it: reads
 * the trusted issuer's claims into a caller, and writes a caller's claims (the embedded issuer's tokens).
 */
public final class CallerClaims {

    private static final Pattern LIST_SEPARATOR = Pattern.compile("[\\s,]+");

    private final IdentityProperties.Claims names;

    private final Map<String, Role> roleNames;

    public CallerClaims(IdentityProperties.Claims names) {
        this.names = names;
        Map<String, Role> lowerCased = new LinkedHashMap<>();
        names.roleNames().forEach((name, role) -> lowerCased.put(name.toLowerCase(Locale.ROOT), role));
        this.roleNames = Map.copyOf(lowerCased);
    }

    /**
     * The caller these claims describe.
     *
     * @throws InvalidClaims when a claim is malformed, or a role lacks its id (a MEMBER without a member id…)
     */
    public Caller read(Map<String, Object> claims) {
        Object subject = at(claims, names.subject());
        if (!(subject instanceof String text) || text.isBlank()) {
            throw new InvalidClaims("The token has no subject claim '" + names.subject() + "'");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : strings(claims, names.roles())) {
            role(name).ifPresent(roles::add);
        }
        Set<String> scopes = new LinkedHashSet<>(strings(claims, names.scope()));
        if (scopes.isEmpty() && names.scope().equals("scope")) {
            scopes.addAll(strings(claims, "scp"));
        }
        OptionalLong memberId = id(claims, names.memberId());
        List<Long> shopIds = ids(claims, names.shopIds());
        OptionalLong riderId = id(claims, names.riderId());
        try {
            return new Caller(text, roles, scopes, memberId, new LinkedHashSet<>(shopIds), riderId);
        }
        catch (IllegalArgumentException incomplete) {
            throw new InvalidClaims("The token's claims describe no valid caller: " + incomplete.getMessage());
        }
    }

    /**
     * The claims that describe this caller under the configured names (nested where a name is a path), except the
     * subject and scopes, which the issuer writes itself. Empty ids are left out.
     */
    public Map<String, Object> write(Caller caller) {
        Map<String, Object> claims = new LinkedHashMap<>();
        put(claims, names.roles(), caller.roles().stream().map(Role::name).sorted().toList());
        caller.memberId().ifPresent(id -> put(claims, names.memberId(), id));
        if (!caller.shopIds().isEmpty()) {
            put(claims, names.shopIds(), caller.shopIds().stream().sorted().toList());
        }
        caller.riderId().ifPresent(id -> put(claims, names.riderId(), id));
        if (!names.subject().equals("sub")) {
            put(claims, names.subject(), caller.subject());
        }
        return claims;
    }

    private Optional<Role> role(String name) {
        Role mapped = roleNames.get(name.toLowerCase(Locale.ROOT));
        return mapped != null ? Optional.of(mapped) : Role.named(name);
    }

    private static @Nullable Object at(Map<String, Object> claims, String path) {
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        Object value = claims;
        for (String step : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(step);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> claims, String path, Object value) {
        String[] steps = path.split("\\.");
        Map<String, Object> node = claims;
        for (int i = 0; i < steps.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(steps[i], step -> new LinkedHashMap<String, Object>());
        }
        node.put(steps[steps.length - 1], value);
    }

    private static List<String> strings(Map<String, Object> claims, String path) {
        Object value = at(claims, path);
        List<String> strings = new ArrayList<>();
        if (value instanceof String text) {
            for (String part : LIST_SEPARATOR.split(text.trim())) {
                if (!part.isEmpty()) {
                    strings.add(part);
                }
            }
        }
        else if (value instanceof Collection<?> values) {
            for (Object element : values) {
                if (!(element instanceof String text)) {
                    throw new InvalidClaims("The token's claim '" + path + "' holds a value that is not a string");
                }
                strings.add(text);
            }
        }
        else if (value != null) {
            throw new InvalidClaims("The token's claim '" + path + "' is neither a string nor a list of strings");
        }
        return strings;
    }

    private static OptionalLong id(Map<String, Object> claims, String path) {
        Object value = at(claims, path);
        return value == null ? OptionalLong.empty() : OptionalLong.of(number(value, path));
    }

    private static List<Long> ids(Map<String, Object> claims, String path) {
        Object value = at(claims, path);
        List<Long> ids = new ArrayList<>();
        if (value instanceof Collection<?> values) {
            values.forEach(element -> ids.add(number(element, path)));
        }
        else if (value instanceof String text && !text.isBlank() && LIST_SEPARATOR.matcher(text.trim()).find()) {
            for (String part : LIST_SEPARATOR.split(text.trim())) {
                ids.add(number(part, path));
            }
        }
        else if (value != null) {
            ids.add(number(value, path));
        }
        return ids;
    }

    private static long number(@Nullable Object value, String path) {
        if (value instanceof Integer || value instanceof Long) {
            return positive(((Number) value).longValue(), path);
        }
        if (value instanceof String text && !text.isEmpty() && text.length() <= 18
                && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return positive(Long.parseLong(text), path);
        }
        throw new InvalidClaims("The token's claim '" + path + "' is not an id");
    }

    private static long positive(long id, String path) {
        if (id <= 0) {
            throw new InvalidClaims("The token's claim '" + path + "' is not a positive id");
        }
        return id;
    }

    /** The token's claims cannot be read as a caller of baedal. */
    public static final class InvalidClaims extends RuntimeException {

        public InvalidClaims(String message) {
            super(message);
        }
    }
}
