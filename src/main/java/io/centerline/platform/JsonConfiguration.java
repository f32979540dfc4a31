package io.centerline.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * How the API reads and writes JSON: money and other decimals are written as plain decimal strings
 * ({@code "125000.00"}), never as JSON numbers; a request that names a field its endpoint does not take is refused
 * rather than read without it (a misspelt {@code "strenght"} would otherwise leave the default in place unseen); a
 * fraction where a whole number belongs is refused rather than cut ({@code "itemsPerWeek": 2.5} is not 2); a text
 * value that is not text in quotes, or holds a character no reader can see or PostgreSQL cannot store, is refused with
 * its field; and a date is read only from text of the form {@code "YYYY-MM-DD"}, never from a number taken as a count of
 * days since 1970.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer decimalsAsStrings() {
        SimpleModule module = new SimpleModule("centerline-decimals");
        module.addSerializer(BigDecimal.class, new PlainDecimal());
        return builder -> builder.addModule(module);
    }

    @Bean
    JsonMapperBuilderCustomizer strictRequests() {
        SimpleModule module = new SimpleModule("centerline-text");
        module.addDeserializer(String.class, new StorableText());
        module.addDeserializer(LocalDate.class, new WrittenDate());
        return builder -> builder.addModule(module)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    /** Writes a decimal as its plain string. */
    static final class PlainDecimal extends StdSerializer<BigDecimal> {
        PlainDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(value.toPlainString());
        }
    }

    /**
     * Reads text as Jackson does, except that a number or {@code true}/{@code false} is refused rather than taken as
     * its digits or word (a reason of {@code 5} is no reason), and refuses text that is not {@link Printable}: a control character other than tab,
     * line feed and carriage return (NUL among them, which PostgreSQL cannot store), or half of a surrogate pair (which
     * would be stored as {@code ?}), as entry summaries refuse them.
     */
    static final class StorableText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != null
                    && parser.currentToken().isScalarValue()
                    && parser.currentToken() != JsonToken.VALUE_STRING) {
                return context.reportInputMismatch(
                        String.class, "text in double quotes is expected here, not %s", parser.getString());
            }
            String text = super.deserialize(parser, context);
            int at = Printable.unprintableAt(text);
            if (at >= 0) {
                return context.reportInputMismatch(
                        String.class,
                        "character %d is U+%04X, which cannot be stored or shown; remove it",
                        at + 1,
                        (int) text.charAt(at));
            }
            return text;
        }
    }

    /**
     * Reads a date from text of the form {@code YYYY-MM-DD} alone, as the API writes dates, and refuses any other value
     * with its field: a number (Jackson would read {@code 20261201} as that many days after 1970, in the year 57443), an
     * array of year, month and day, a date with a time, or a year of more than four digits.
     */
    static final class WrittenDate extends StdDeserializer<LocalDate> {

        private static final Pattern FORM = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

        WrittenDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            JsonToken token = parser.currentToken();
            if (token != JsonToken.VALUE_STRING) {
                return context.reportInputMismatch(
                        LocalDate.class,
                        "a date is expected here as text in double quotes, YYYY-MM-DD, not %s",
                        token == JsonToken.START_ARRAY
                                ? "an array"
                                : token == JsonToken.START_OBJECT ? "an object" : parser.getString());
            }
            String text = parser.getString();
            if (FORM.matcher(text).matches()) {
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    // a month or day that does not exist, refused below as any other text
                }
            }
            return (LocalDate)
                    context.handleWeirdStringValue(LocalDate.class, text, "not a date of the form YYYY-MM-DD");
        }
    }
}
