package baedal.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of caller of the platform (PLATFORM.md §1). A caller may hold several; each role limits what it may call
 * ({@link RouteRules}) and, through its subject ids on the {@link Caller}, whose data it may see.
 */
public enum Role {

    /** A customer (회원): places orders and sees its own order history. */
    MEMBER,

    /** A shop owner (가게): accepts or rejects the orders of its own shop(s). */
    SHOP,

    /** A rider (라이더): takes deliveries dispatched to it. */
    RIDER,

    /** An operator (운영자): may do everything, every change audited. */
    OPERATOR,

    /** Another service of the platform calling with the client credentials grant; limited by its scopes. */
    SERVICE;

    /** The authority Spring Security checks for this role ({@code ROLE_} + name), e.g. for health details. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Reads a role name as tokens carry it, ignoring case; empty when it names no role of baedal. */
    public static Optional<Role> named(String name) {
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        }
        catch (IllegalArgumentException notARole) {
            return Optional.empty();
        }
    }
}
