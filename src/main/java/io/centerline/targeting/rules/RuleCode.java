package io.centerline.targeting.rules;

import com.fasterxml.jackson.annotation.JsonValue;
import io.centerline.platform.Shown;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The stable code of a rule, kept by all its versions and quoted in reasons, outcomes and effectiveness figures:
 * capital letters and digits in words joined by hyphens, 3 to 40 characters, e.g. {@code CN-ALU-LOW-VALUE}.
 */
public record RuleCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");

    public RuleCode {
        if (value == null
                || value.length() < 3
                || value.length() > 40
                || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("A rule code is 3 to 40 capital letters and digits in words joined by"
                    + " hyphens, e.g. CN-ALU-LOW-VALUE, not '" + Shown.value(value) + "'");
        }
    }

    public static RuleCode of(String value) {
        return new RuleCode(value);
    }

    public static Optional<RuleCode> tryParse(String value) {
        try {
            return Optional.of(new RuleCode(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
