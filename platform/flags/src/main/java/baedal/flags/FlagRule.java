package baedal.flags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition on one attribute of the evaluation (the shop, the region…) that a caller must meet for a flag that is
 * on to answer on: {@code region == seoul}, {@code shopId in [1, 2, 3]}, {@code region != jeju}. Values may be
 * quoted ({@code region == "seoul"}). A caller without the attribute does not meet the rule.
 *
 * @param attribute the attribute's name, as product code puts it in the evaluation context
 * @param operator how the attribute is compared
 * @param values the values compared with (one for {@code ==} and {@code !=})
 */
public record FlagRule(String attribute, Operator operator, Set<String> values) {

    private static final Pattern RULE = Pattern.compile(
            "\\s*([A-Za-z][A-Za-z0-9_.-]{0,63})\\s*(==|!=|in|not in)\\s*(.+?)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern VALUE = Pattern.compile("\"([^\"]{1,100})\"|([A-Za-z0-9_.:-]{1,100})");
    private static final int MAX_VALUES = 1_000;

    /** How a rule compares. */
    public enum Operator {
        EQUALS("=="), NOT_EQUALS("!="), IN("in"), NOT_IN("not in");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }
    }

    public FlagRule {
        values = Set.copyOf(values);
    }

    /** Parses one rule; {@link InvalidFlagChange} with what is wrong when it does not parse. */
    public static FlagRule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidFlagChange("a rule is empty");
        }
        Matcher matcher = RULE.matcher(text);
        if (!matcher.matches()) {
            throw new InvalidFlagChange("a rule is <attribute> ==|!=|in|not in <value or [values]>: " + text);
        }
        String attribute = matcher.group(1);
        String symbol = matcher.group(2).toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
        String operand = matcher.group(3);
        Operator operator = switch (symbol) {
            case "==" -> Operator.EQUALS;
            case "!=" -> Operator.NOT_EQUALS;
            case "in" -> Operator.IN;
            default -> Operator.NOT_IN;
        };
        List<String> values;
        if (operator == Operator.IN || operator == Operator.NOT_IN) {
            if (!operand.startsWith("[") || !operand.endsWith("]")) {
                throw new InvalidFlagChange("'" + symbol + "' takes a list in brackets: " + text);
            }
            String inner = operand.substring(1, operand.length() - 1).trim();
            if (inner.isEmpty()) {
                throw new InvalidFlagChange("a rule's list is empty: " + text);
            }
            values = new ArrayList<>();
            for (String part : inner.split(",", -1)) {
                values.add(value(part.trim(), text));
            }
            if (values.size() > MAX_VALUES) {
                throw new InvalidFlagChange("a rule lists at most " + MAX_VALUES + " values: " + attribute);
            }
        } else {
            values = List.of(value(operand, text));
        }
        return new FlagRule(attribute, operator, Set.copyOf(values));
    }

    private static String value(String text, String rule) {
        Matcher matcher = VALUE.matcher(text);
        if (!matcher.matches()) {
            throw new InvalidFlagChange("a rule's value is a word, a number or a quoted text: '" + text + "' in " + rule);
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    /** Whether a caller with these attributes meets the rule. */
    public boolean matches(Map<String, String> attributes) {
        String value = attributes.get(attribute);
        if (value == null) {
            return false;
        }
        boolean contained = values.contains(value);
        return switch (operator) {
            case EQUALS, IN -> contained;
            case NOT_EQUALS, NOT_IN -> !contained;
        };
    }

    /** The rule as an operator writes it, values sorted: parsing it again gives this rule. */
    public String text() {
        List<String> sorted = values.stream().sorted().map(FlagRule::quoted).toList();
        return switch (operator) {
            case EQUALS, NOT_EQUALS -> attribute + " " + operator.symbol + " " + sorted.getFirst();
            case IN, NOT_IN -> attribute + " " + operator.symbol + " [" + String.join(", ", sorted) + "]";
        };
    }

    private static String quoted(String value) {
        return value.matches("[A-Za-z0-9_.:-]+") ? value : "\"" + value + "\"";
    }
}
