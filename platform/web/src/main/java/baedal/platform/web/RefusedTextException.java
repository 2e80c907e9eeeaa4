package baedal.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A string of a JSON body that {@link TextInput} refuses. Jackson adds the field's path as it unwinds, so the
 * problem handler can name it ({@code deliveryAddress.road}); the message never repeats the text itself.
 */
public final class RefusedTextException extends MismatchedInputException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    RefusedTextException(JsonParser parser, String reason) {
        super(parser, "Text refused: " + reason, String.class);
        this.reason = reason;
    }

    /** Why, as a field error says it: {@code must not contain control characters (U+0000 at index 3)}. */
    public String reason() {
        return reason;
    }
}
