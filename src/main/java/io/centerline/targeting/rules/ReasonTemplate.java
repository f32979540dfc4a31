package io.centerline.targeting.rules;

import io.centerline.platform.Shown;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The specialist's reason of a rule, with placeholders for the fields of the line it fired on:
 * {@code "{line.hts} from {line.countryOfOrigin} at {line.unitValue} per unit"}. Every placeholder must name a field
 * of {@link RuleFields}; a template with an unknown one, or with a brace that opens no placeholder, is refused when
 * the rule is stored. Numbers are written with at most four decimals, an undeclared number as "not declared", yes/no
 * for true/false and a timestamp as its date. The text a filer writes in words of its own, a line's description and
 * manufacturer, is always quoted as {@link Shown#quoted} shows it (on one line, in double quotes, cut with an
 * ellipsis); a code is written as it is while it is one, and quoted like text when it is not ({@link Shown#code});
 * absent text reads "none". Whatever a filer writes stays inside its quotes, and never reads as the reason's own words.
 */
public final class ReasonTemplate {

    private final String text;
    private final List<Object> parts;

    private ReasonTemplate(String text, List<Object> parts) {
        this.text = text;
        this.parts = List.copyOf(parts);
    }

    /** The outcome of reading a template. */
    public sealed interface Parsed {
        /** A valid template. */
        record Valid(ReasonTemplate template) implements Parsed {}

        /** A refused template, with every problem found. */
        record Refused(List<RuleProblem> problems) implements Parsed {}
    }

    public static Parsed parse(String text) {
        String field = "reasonTemplate";
        if (text == null || text.isBlank()) {
            return new Parsed.Refused(List.of(RuleProblem.of(
                    field, "REQUIRED", "A rule needs a reason template: the specialist's reason when it fires")));
        }
        if (text.length() > RuleLimits.MAX_REASON_LENGTH) {
            return new Parsed.Refused(List.of(RuleProblem.of(
                    field,
                    "TOO_LONG",
                    "The reason template has " + text.length() + " characters; at most " + RuleLimits.MAX_REASON_LENGTH
                            + " are allowed")));
        }
        List<Object> parts = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '}') {
                problems.add(RuleProblem.of(
                        field,
                        "TEMPLATE_BRACE",
                        "The '}' at position " + (i + 1) + " closes no placeholder; write placeholders as {line.hts}"));
                i++;
                continue;
            }
            if (c != '{') {
                literal.append(c);
                i++;
                continue;
            }
            int end = text.indexOf('}', i);
            int nextOpen = text.indexOf('{', i + 1);
            if (end < 0 || (nextOpen >= 0 && nextOpen < end)) {
                problems.add(RuleProblem.of(
                        field,
                        "TEMPLATE_BRACE",
                        "The '{' at position " + (i + 1) + " opens a placeholder that is not closed"));
                i++;
                continue;
            }
            String name = text.substring(i + 1, end).trim();
            RuleField placeholder = RuleFields.field(name);
            if (placeholder == null) {
                problems.add(RuleProblem.of(
                        field,
                        "TEMPLATE_PLACEHOLDER_UNKNOWN",
                        "The placeholder {" + Shown.value(name) + "} names no field; the fields are listed at GET"
                                + " /api/v1/targeting/rules/fields"));
            } else {
                if (!literal.isEmpty()) {
                    parts.add(literal.toString());
                    literal.setLength(0);
                }
                parts.add(placeholder);
            }
            i = end + 1;
        }
        if (!problems.isEmpty()) {
            return new Parsed.Refused(problems);
        }
        if (!literal.isEmpty()) {
            parts.add(literal.toString());
        }
        return new Parsed.Valid(new ReasonTemplate(text, parts));
    }

    /** A template known to be valid, as stored. */
    public static ReasonTemplate of(String text) {
        Parsed parsed = parse(text);
        if (parsed instanceof Parsed.Valid valid) {
            return valid.template();
        }
        throw new IllegalArgumentException("Invalid reason template '" + text + "': "
                + ((Parsed.Refused) parsed).problems().get(0).message());
    }

    public String text() {
        return text;
    }

    /** The reason for one line, with the line's values in place of the placeholders. */
    public String render(LineFacts facts) {
        StringBuilder reason = new StringBuilder(text.length() + 32);
        for (Object part : parts) {
            if (part instanceof RuleField field) {
                reason.append(format(field, field.read(facts)));
            } else {
                reason.append(part);
            }
        }
        return reason.toString();
    }

    static String format(RuleField field, Object value) {
        if (value instanceof Double number) {
            if (!Double.isFinite(number)) {
                return "not declared";
            }
            BigDecimal exact = BigDecimal.valueOf(number);
            BigDecimal shown = exact.setScale(4, RoundingMode.HALF_UP);
            if (shown.signum() == 0 && number != 0) {
                // a figure below a ten-thousandth keeps two significant digits: a bare 0 would read as none declared
                shown = exact.round(new MathContext(2, RoundingMode.HALF_UP));
            }
            return shown.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Boolean flag) {
            return flag ? "yes" : "no";
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        }
        String text = String.valueOf(value);
        if (text.isBlank()) {
            return "none";
        }
        return RuleFields.isFilersText(field) ? Shown.quoted(text) : Shown.code(text);
    }
}
