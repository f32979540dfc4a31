package io.centerline.targeting.rules;

import java.util.function.Function;

/**
 * One fact a rule may read, under its qualified name ({@code line.hts}, {@code entry.totalValue}, ...): its CEL type,
 * what it means, and how it is read from the line being examined.
 */
public record RuleField(String name, FieldType type, String description, Function<LineFacts, Object> reader) {

    /** The group the field belongs to: {@code entry}, {@code line}, {@code account} or {@code history}. */
    public String group() {
        return name.substring(0, name.indexOf('.'));
    }

    Object read(LineFacts facts) {
        return reader.apply(facts);
    }
}
