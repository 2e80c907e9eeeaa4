package baedal.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may call a route: anyone ({@link #anyone()}, no token needed: {@code permitAll}), or an authenticated caller holding one of the
 * {@code roles}, or a {@link Role#SERVICE} granted one of the {@code serviceScopes}. A route's rule says only which
 * kinds of caller may call it; whose data they may see there is the context's ownership check on the {@link Caller}.
 *
 * @param permitAll     the route is public (no token needed; a token that is sent must still be valid)
 * @param roles         roles that may call it
 * @param serviceScopes scopes that let a {@link Role#SERVICE} call it
 */
public record Access(boolean permitAll, Set<Role> roles, Set<String> serviceScopes) {

    public Access {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        serviceScopes = Set.copyOf(serviceScopes);
        if (!permitAll && roles.isEmpty() && serviceScopes.isEmpty()) {
            throw new IllegalArgumentException("an access names at least one role or service scope, or is public");
        }
        if (permitAll && !(roles.isEmpty() && serviceScopes.isEmpty())) {
            throw new IllegalArgumentException("a public access names no roles or scopes");
        }
        serviceScopes.forEach(scope -> {
            if (scope.isBlank() || scope.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("not a scope: '" + scope + "'");
            }
        });
    }

    /** Anyone, with or without a token. */
    public static Access anyone() {
        return new Access(true, Set.of(), Set.of());
    }

    /** Callers holding any of these roles. */
    public static Access anyRole(Role... roles) {
        if (roles.length == 0) {
            throw new IllegalArgumentException("name at least one role");
        }
        return new Access(false, Set.of(roles), Set.of());
    }

    /** Services granted any of these scopes. */
    public static Access anyServiceScope(String... scopes) {
        return new Access(false, Set.of(), Set.of(scopes));
    }

    /** This access, and also services granted any of these scopes. */
    public Access orServiceScopes(String... scopes) {
        if (permitAll) {
            throw new IllegalStateException("a public access needs no scope");
        }
        Set<String> granted = new HashSet<>(serviceScopes);
        granted.addAll(Arrays.asList(scopes));
        return new Access(false, roles, granted);
    }

    /** Whether this caller may call the route; {@code true} for every caller of a public route. */
    public boolean allows(Caller caller) {
        if (permitAll || caller.roles().stream().anyMatch(roles::contains)) {
            return true;
        }
        return caller.has(Role.SERVICE) && caller.scopes().stream().anyMatch(serviceScopes::contains);
    }

    @Override
    public String toString() {
        if (permitAll) {
            return "anyone";
        }
        String byRole = roles.stream().map(Role::name).sorted().collect(Collectors.joining(", "));
        String byScope = serviceScopes.stream().sorted().map(scope -> "SERVICE with " + scope)
                .collect(Collectors.joining(", "));
        return byRole.isEmpty() ? byScope : byScope.isEmpty() ? byRole : byRole + ", " + byScope;
    }
}
