package baedal.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The caller of the request being handled, for code that is not a controller method (a controller declares a
 * {@link Caller} parameter instead).
 */
public final class Callers {

    private Callers() {
    }

    /** The authenticated caller of the current request; empty for an anonymous request or outside of one. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof Caller caller) {
            return Optional.of(caller);
        }
        return Optional.empty();
    }

    /** The authenticated caller of the current request. */
    public static Caller require() {
        return current().orElseThrow(NoCaller::new);
    }

    /** Thrown when code that needs a caller runs without one (an anonymous request, or no request at all). */
    public static final class NoCaller extends RuntimeException {

        NoCaller() {
            super("No authenticated caller: the request carries no valid bearer token");
        }
    }
}
