package io.centerline.targeting;

import java.time.LocalDate;
import java.util.Map;

/**
 * One line of an entry summary as targeting sees it: the facts that rules, detectors and the risk model read, in
 * plain types. Stored Centerline entries and rows of a public declarations data set both map onto it, so the same
 * feature pipeline serves the product and its evaluation.
 *
 * @param dutyRate the duty as a percentage of the entered value
 * @param grossWeightKg the gross weight, or {@code NaN} when not declared
 * @param quantity the quantity in the line's unit, or {@code NaN} when not declared
 * @param attributes further categorical codes a source carries beyond the named ones (for a data set row, its
 *     columns that Centerline's lines have no field for), by name
 */
public record Declaration(
        String entryNumber,
        int version,
        int lineNumber,
        LocalDate entryDate,
        String entryType,
        String importer,
        String filer,
        String port,
        String modeOfTransport,
        String center,
        String hts,
        String countryOfOrigin,
        String countryOfExport,
        String manufacturer,
        String description,
        double enteredValue,
        double quantity,
        String unit,
        double grossWeightKg,
        double dutyRate,
        boolean relatedParty,
        String adcvdCaseNumber,
        Map<String, String> attributes) {

    public Declaration {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /**
     * The duty as a percentage of the entered value, as every source of declarations computes it: 0 when there is no
     * positive value or no duty figure ({@code NaN}).
     */
    public static double dutyRate(double enteredValue, double duty) {
        return enteredValue > 0 && !Double.isNaN(duty) ? 100 * duty / enteredValue : 0;
    }

    /** Entered value per unit of quantity, or {@code NaN} when there is no positive quantity. */
    public double unitValue() {
        return quantity > 0 ? enteredValue / quantity : Double.NaN;
    }

    /** Entered value per kilogram, or {@code NaN} when there is no positive weight. */
    public double valuePerKg() {
        return grossWeightKg > 0 ? enteredValue / grossWeightKg : Double.NaN;
    }
}
