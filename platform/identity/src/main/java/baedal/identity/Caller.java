package baedal.identity;

import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Who is calling: the token's subject, its roles and the ids it acts as — the member it is, the shops it owns, the
 * rider it is — and, for a {@link Role#SERVICE}, the scopes it was granted. Contexts check ownership with it (a
 * member reads its own orders, a shop its shops' orders); it carries no Spring Security type.
 *
 * @param subject  the token's subject ({@code sub}), stable for the caller
 * @param roles    the caller's roles; may be empty (an authenticated caller baedal gives no role)
 * @param scopes   the OAuth 2 scopes the token was granted
 * @param memberId the member it is, if it is a {@link Role#MEMBER}
 * @param shopIds  the shops it owns, if it is a {@link Role#SHOP}
 * @param riderId  the rider it is, if it is a {@link Role#RIDER}
 */
public record Caller(String subject, Set<Role> roles, Set<String> scopes, OptionalLong memberId, Set<Long> shopIds,
        OptionalLong riderId) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("a caller has a subject");
        }
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        scopes = Set.copyOf(scopes);
        shopIds = Set.copyOf(shopIds);
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(riderId, "riderId");
        if (roles.contains(Role.MEMBER) && memberId.isEmpty()) {
            throw new IllegalArgumentException("a member caller has a member id");
        }
        if (roles.contains(Role.SHOP) && shopIds.isEmpty()) {
            throw new IllegalArgumentException("a shop caller owns at least one shop");
        }
        if (roles.contains(Role.RIDER) && riderId.isEmpty()) {
            throw new IllegalArgumentException("a rider caller has a rider id");
        }
    }

    /** A member (회원) calling as itself. */
    public static Caller member(String subject, long memberId) {
        return new Caller(subject, Set.of(Role.MEMBER), Set.of(), OptionalLong.of(memberId), Set.of(),
                OptionalLong.empty());
    }

    /** The owner of the given shops. */
    public static Caller shop(String subject, Set<Long> shopIds) {
        return new Caller(subject, Set.of(Role.SHOP), Set.of(), OptionalLong.empty(), shopIds, OptionalLong.empty());
    }

    /** A rider calling as itself. */
    public static Caller rider(String subject, long riderId) {
        return new Caller(subject, Set.of(Role.RIDER), Set.of(), OptionalLong.empty(), Set.of(),
                OptionalLong.of(riderId));
    }

    /** An operator. */
    public static Caller operator(String subject) {
        return new Caller(subject, Set.of(Role.OPERATOR), Set.of(), OptionalLong.empty(), Set.of(),
                OptionalLong.empty());
    }

    /** Another service, with the scopes its client was granted. */
    public static Caller service(String subject, Set<String> scopes) {
        return new Caller(subject, Set.of(Role.SERVICE), scopes, OptionalLong.empty(), Set.of(), OptionalLong.empty());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isOperator() {
        return has(Role.OPERATOR);
    }

    /** Whether the caller is this member. */
    public boolean isMember(long memberId) {
        return has(Role.MEMBER) && this.memberId.isPresent() && this.memberId.getAsLong() == memberId;
    }

    /** Whether the caller owns this shop. */
    public boolean ownsShop(long shopId) {
        return has(Role.SHOP) && shopIds.contains(shopId);
    }

    /** Whether the caller is this rider. */
    public boolean isRider(long riderId) {
        return has(Role.RIDER) && this.riderId.isPresent() && this.riderId.getAsLong() == riderId;
    }

    /** Whether the caller is a service granted this scope. */
    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
