package baedal.platform.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Tells a JSON body whose every token parsed but one of whose values breaks a platform-wide rule — a text with a
 * control character, a fraction or a number beyond the Java type where a whole number is expected — from a body
 * that is not JSON of the expected shape at all. The former is a field error ({@code invalid-request}), the
 * latter {@code malformed-request}.
 */
final class JsonInputErrors {

    /** A value refused by a platform rule: the field's path ({@code items[0].quantity}) and why. */
    record FieldError(String field, String message) {
    }

    private JsonInputErrors() {
    }

    /** The field error a body read failure stands for, or {@code null} if it is a matter of shape. */
    static FieldError of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = messageOf(cause);
            if (message != null) {
                String field = fieldOf(failure, cause);
                return field == null ? null : new FieldError(field, message);
            }
        }
        return null;
    }

    private static String messageOf(Throwable cause) {
        return switch (cause) {
            case RefusedTextException refused -> refused.reason();
            case InputCoercionException outOfRange -> outOfRange(outOfRange.getTargetType());
            case InvalidFormatException invalid when isWhole(invalid.getTargetType()) && invalid.getValue() instanceof Number ->
                    isFraction(invalid.getValue()) ? "must be a whole number" : outOfRange(invalid.getTargetType());
            default -> null;
        };
    }

    /** The deepest path known: Jackson adds the path to the exception it unwinds, which may wrap the cause. */
    private static String fieldOf(Throwable failure, Throwable cause) {
        for (Throwable at = failure; at != null; at = at.getCause() == at ? null : at.getCause()) {
            if (at instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                return JsonPaths.describe(jackson.getPath());
            }
            if (at == cause) {
                break;
            }
        }
        return null;
    }

    private static boolean isFraction(Object value) {
        return value instanceof Double || value instanceof Float || value instanceof BigDecimal;
    }

    private static boolean isWhole(Class<?> type) {
        return type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == Byte.class || type == byte.class
                || type == BigInteger.class;
    }

    private static String outOfRange(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return within(Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (type == Long.class || type == long.class) {
            return within(Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (type == Short.class || type == short.class) {
            return within(Short.MIN_VALUE, Short.MAX_VALUE);
        }
        return "is out of range";
    }

    private static String within(long min, long max) {
        return "is out of range: must be a whole number within " + min + ".." + max;
    }
}
