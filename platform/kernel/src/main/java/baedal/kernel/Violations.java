package baedal.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the rule violations of one request so that a self-validating command can report all of them at
 * once, then throws {@link InvalidInput} if there was any.
 */
public final class Violations {

    private final List<InvalidInput.FieldViolation> found = new ArrayList<>();

    public Violations add(String field, String message) {
        found.add(new InvalidInput.FieldViolation(field, message));
        return this;
    }

    public Violations require(boolean condition, String field, String message) {
        if (!condition) {
            add(field, message);
        }
        return this;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInput(found);
        }
    }
}
