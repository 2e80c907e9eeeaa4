package baedal.identity.masking;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data: each kind on its own ({@link #maskPhone}, {@link #maskResidentNumber},
 * {@link #maskLicenceNumber}, {@link #maskAddressDetail}, {@link #maskToken}) where a value is shown to someone who
 * needs only a hint of it (an operator listing), and all of them wherever they appear in free text
 * ({@link #maskText}, what the log converters apply to every line).
 * <p>
 * In free text a resident registration number is recognized with its hyphen ({@code 900101-1234567}) only: thirteen
 * bare digits are as likely an order number. Phone numbers are mobile numbers with or without separators and
 * landlines with separators; driver's licence numbers are {@code 11-17-123456-01} or {@code 서울 17-123456-01}; an
 * address detail is recognized by its field name ({@code "detail": "…"}, {@code detail=…}); tokens are bearer
 * credentials, JWTs, and the values of {@code access_token}, {@code refresh_token}, {@code id_token},
 * {@code client_secret} and {@code password} fields.
 */
public final class PersonalData {

    /** What replaces a value that is hidden whole. */
    public static final String HIDDEN = "****";

    private static final Pattern NOT_DIGIT = Pattern.compile("\\D");

    private static final Pattern LICENCE = Pattern.compile("^\\s*(\\d{2}|[가-힣]{2})[ -]?(\\d{2})-?\\d{6}-?\\d{2}\\s*$");

    private static final Rule RESIDENT_NUMBER = new Rule(
            Pattern.compile("(?<!\\d)(\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01]))\\s?-\\s?([1-8])\\d{6}(?!\\d)"),
            "$1-$2******", PersonalData::hasDigit);

    private static final Rule LICENCE_NUMBER = new Rule(
            Pattern.compile("(?<![\\d가-힣])(\\d{2}|[가-힣]{2})([ -])(\\d{2})-\\d{6}-\\d{2}(?!\\d)"),
            "$1$2$3-******-**", PersonalData::hasDigit);

    private static final Rule MOBILE_PHONE = new Rule(
            Pattern.compile("(?<![\\d-])(01[016789])[-. ]?\\d{3,4}[-. ]?(\\d{4})(?![\\d-])"),
            "$1-****-$2", PersonalData::hasDigit);

    private static final Rule LANDLINE_PHONE = new Rule(
            Pattern.compile("(?<![\\d-])(02|0[3-6][1-5]|070)[-. ]\\d{3,4}[-. ](\\d{4})(?![\\d-])"),
            "$1-****-$2", PersonalData::hasDigit);

    private static final Rule BEARER = new Rule(
            Pattern.compile("(?i)\\b(Bearer)\\s+[A-Za-z0-9\\-._~+/]+=*"),
            "$1 " + HIDDEN, text -> containsIgnoreCase(text, "bearer"));

    private static final Rule JWT = new Rule(
            Pattern.compile("\\beyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*"),
            HIDDEN, text -> text.contains("eyJ"));

    private static final Rule CREDENTIAL_FIELD = new Rule(
            // the demo accounts' published password "demo" stays readable (the startup banner's curl shows it)
            Pattern.compile("(?i)(\"?\\b(?:access_token|refresh_token|id_token|client_secret|password)\"?\\s*[:=]\\s*\"?)"
                    + "(?!demo(?:[\"&\\s,;}\\]]|$))[^\"&\\s,;}\\]]+"),
            "$1" + HIDDEN, text -> containsIgnoreCase(text, "token") || containsIgnoreCase(text, "secret")
                    || containsIgnoreCase(text, "password"));

    private static final Rule ADDRESS_DETAIL_JSON = new Rule(
            Pattern.compile("(\"detail\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\")"),
            "$1" + HIDDEN + "$2", text -> text.contains("detail"));

    private static final Rule ADDRESS_DETAIL_FIELD = new Rule(
            Pattern.compile("(\\bdetail=)[^,)}\\]&\\n]*"),
            "$1" + HIDDEN, text -> text.contains("detail="));

    private static final List<Rule> TEXT_RULES = List.of(BEARER, JWT, CREDENTIAL_FIELD, ADDRESS_DETAIL_JSON,
            ADDRESS_DETAIL_FIELD, RESIDENT_NUMBER, LICENCE_NUMBER, MOBILE_PHONE, LANDLINE_PHONE);

    private PersonalData() {
    }

    /** {@code 010-1234-5678} → {@code 010-****-5678}: the area or carrier code and the last four digits. */
    public static String maskPhone(String phone) {
        String digits = NOT_DIGIT.matcher(phone).replaceAll("");
        if (digits.length() < 9 || digits.length() > 11 || digits.charAt(0) != '0') {
            return HIDDEN;
        }
        int prefix = digits.startsWith("02") ? 2 : 3;
        return digits.substring(0, prefix) + "-****-" + digits.substring(digits.length() - 4);
    }

    /** {@code 900101-1234567} → {@code 900101-1******}: the birth date and the sex digit. */
    public static String maskResidentNumber(String residentNumber) {
        String digits = NOT_DIGIT.matcher(residentNumber).replaceAll("");
        if (digits.length() != 13) {
            return "******-*******";
        }
        return digits.substring(0, 6) + "-" + digits.charAt(6) + "******";
    }

    /** {@code 11-17-123456-01} → {@code 11-17-******-**}: the region and the year of issue. */
    public static String maskLicenceNumber(String licenceNumber) {
        Matcher matcher = LICENCE.matcher(licenceNumber);
        if (!matcher.matches()) {
            return "**-**-******-**";
        }
        String region = matcher.group(1);
        return region + (Character.isDigit(region.charAt(0)) ? "-" : " ") + matcher.group(2) + "-******-**";
    }

    /** An address's detail (동·호수, floor) is hidden whole: {@code 101동 1203호} → {@code ****}. */
    public static String maskAddressDetail(String detail) {
        return detail.isBlank() ? detail : HIDDEN;
    }

    /** A token is hidden whole, its scheme kept: {@code Bearer eyJ…} → {@code Bearer ****}. */
    public static String maskToken(String token) {
        String trimmed = token.trim();
        int space = trimmed.indexOf(' ');
        return space > 0 ? trimmed.substring(0, space) + " " + HIDDEN : HIDDEN;
    }

    /** Free text with every piece of personal data it holds masked (see the class comment for what is found). */
    public static String maskText(String text) {
        String masked = text;
        for (Rule rule : TEXT_RULES) {
            masked = rule.apply(masked);
        }
        return masked;
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsIgnoreCase(String text, String word) {
        int length = word.length();
        for (int i = 0; i + length <= text.length(); i++) {
            if (text.regionMatches(true, i, word, 0, length)) {
                return true;
            }
        }
        return false;
    }

    /** One kind of personal data in free text: its pattern, its masked form, and a cheap test that it may occur. */
    private record Rule(Pattern pattern, String replacement, Predicate<String> mayOccur) {

        String apply(String text) {
            return mayOccur.test(text) ? pattern.matcher(text).replaceAll(replacement) : text;
        }
    }
}
