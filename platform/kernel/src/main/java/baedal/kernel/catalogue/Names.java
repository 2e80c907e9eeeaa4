package baedal.kernel.catalogue;

import java.util.List;

/** Checks shared by the declaration records: a declaration names things, and a name is never blank. */
final class Names {

    private Names() {
    }

    static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    static List<String> requireAll(List<String> values, String what) {
        if (values == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        values.forEach(value -> require(value, what));
        return List.copyOf(values);
    }
}
