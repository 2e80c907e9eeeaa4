package baedal.kernel;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request that breaks the rules of its own shape (missing, malformed or out-of-range fields). It names
 * every offending field, so a client can fix all of them in one go. Nothing is ever written for a request
 * that raised it.
 */
public class InvalidInput extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidInput(List<FieldViolation> violations) {
        super(violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; ")));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    /** One broken rule: the field's path in the request (e.g. {@code items[2].quantity}) and why. */
    public record FieldViolation(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }
}
