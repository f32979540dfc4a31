package io.centerline.platform;

import java.math.BigDecimal;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/** The API writes money and other decimals as plain decimal strings ({@code "125000.00"}), never as JSON numbers. */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer decimalsAsStrings() {
        SimpleModule module = new SimpleModule("centerline-decimals");
        module.addSerializer(BigDecimal.class, new PlainDecimal());
        return builder -> builder.addModule(module);
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
}
