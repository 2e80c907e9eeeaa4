package baedal.platform.web;

/**
 * Which characters a client's text may hold, platform-wide. No text from a client may contain a control
 * character — C0 ({@code U+0000}–{@code U+001F}, NUL among them, which PostgreSQL refuses in text), DEL
 * ({@code U+007F}) or C1 ({@code U+0080}–{@code U+009F}) — nor half of a surrogate pair (not Unicode, and not
 * encodable as UTF-8). The one exception: free texts of a JSON body (a request to the shop, a reason) may hold
 * line breaks and tabs ({@code \n}, {@code \r}, {@code \t}); a field that must be one line says so in its own
 * rules. Query parameters, path variables and map keys never hold any control character.
 * <p>
 * Applied to every string of every JSON body ({@link TextInputModule}) and to every query parameter and path
 * variable ({@link RequestTextGuard}); a context that reads text from elsewhere (a header) can check it here.
 */
public final class TextInput {

    private TextInput() {
    }

    /** Why {@code text} is refused where line breaks and tabs are allowed, or {@code null} if it is acceptable. */
    public static String problemInFreeText(CharSequence text) {
        return problem(text, true);
    }

    /** Why {@code text} is refused where it must be one line without tabs, or {@code null} if it is acceptable. */
    public static String problemInLine(CharSequence text) {
        return problem(text, false);
    }

    static String problem(CharSequence text, boolean breaksAllowed) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                continue; // the common case: printable ASCII
            }
            if (c < 0x20) {
                if (breaksAllowed && (c == '\t' || c == '\n' || c == '\r')) {
                    continue;
                }
                return controlCharacter(c, i);
            }
            if (c <= 0x9f) {
                return controlCharacter(c, i);
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return unpaired(c, i);
            }
            if (Character.isLowSurrogate(c)) {
                return unpaired(c, i);
            }
        }
        return null;
    }

    /** {@code U+0000}: how a character is named in messages (never the character itself). */
    static String codePoint(char c) {
        String hex = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
        return "U+" + "0000".substring(hex.length()) + hex;
    }

    /** The text with every character this class would refuse written as {@code \\uXXXX}, to name it safely. */
    static String escaped(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c)) {
                out.append("\\u").append(codePoint(c), 2, 6);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String controlCharacter(char c, int index) {
        return "must not contain control characters (" + codePoint(c) + " at index " + index + ")";
    }

    private static String unpaired(char c, int index) {
        return "must be valid Unicode text (unpaired surrogate " + codePoint(c) + " at index " + index + ")";
    }
}
