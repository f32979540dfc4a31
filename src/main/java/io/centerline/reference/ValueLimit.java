package io.centerline.reference;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.ser.std.ToStringSerializer;

/**
 * An amount set by statute or regulation that decides how an entry may be filed (the informal entry limit), effective
 * from a date: the version that governs an entry is the one in force on its entry date.
 */
public record ValueLimit(
        String code,
        LocalDate effectiveFrom,

        @JsonSerialize(using = ToStringSerializer.class) @Schema(type = "string", example = "2500.00")
        Money amount,

        String description,
        String source) {

    /** The highest value of a shipment that may be entered informally. */
    public static final String INFORMAL_ENTRY = "INFORMAL_ENTRY";
}
