package baedal.platform.web;

import java.util.List;
import tools.jackson.core.JacksonException;

/** Renders a Jackson reference path the way our field names appear in errors: {@code items[1].quantity}. */
final class JsonPaths {

    private JsonPaths() {
    }

    static String describe(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? null : field.toString();
    }
}
