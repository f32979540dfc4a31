package io.centerline.targeting.rules;

import io.centerline.targeting.Declaration;
import io.centerline.targeting.EntryUnderReview;
import io.centerline.targeting.History;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Entry summaries and lines for rule tests. A line starts as aluminium extrusions (7604.10.1000) from China, 500 kg
 * worth $1,000 (2.00 per unit) on an entry of 2026-06-15 owned by the Base Metals Center; each test changes what its
 * rule is about.
 */
final class Lines {

    private String hts = "7604101000";
    private String origin = "CN";
    private String export = "CN";
    private String manufacturer = "CNALUMIN88SHA";
    private String description = "aluminium extrusions";
    private double enteredValue = 1000;
    private double quantity = 500;
    private String unit = "KG";
    private double grossWeightKg = 510;
    private double dutyRate = 5;
    private boolean relatedParty;
    private String adcvdCase;

    static Lines aluminiumFromChina() {
        return new Lines();
    }

    Lines hts(String value) {
        hts = value;
        return this;
    }

    Lines origin(String value) {
        origin = value;
        return this;
    }

    Lines description(String value) {
        description = value;
        return this;
    }

    Lines manufacturer(String value) {
        manufacturer = value;
        return this;
    }

    /** Sets the entered value so that the unit value is the one given, for the line's 500 units. */
    Lines unitValue(double value) {
        enteredValue = value * quantity;
        return this;
    }

    Lines enteredValue(double value) {
        enteredValue = value;
        return this;
    }

    Lines quantityNotDeclared() {
        quantity = Double.NaN;
        return this;
    }

    Lines weightNotDeclared() {
        grossWeightKg = Double.NaN;
        return this;
    }

    Lines adcvdCase(String value) {
        adcvdCase = value;
        return this;
    }

    Declaration build(int lineNumber, Entry entry) {
        return new Declaration(
                entry.entryNumber,
                1,
                lineNumber,
                entry.date,
                entry.type,
                entry.importer,
                "ABC",
                "3901",
                "11",
                entry.center,
                hts,
                origin,
                export,
                manufacturer,
                description,
                enteredValue,
                quantity,
                unit,
                grossWeightKg,
                dutyRate,
                relatedParty,
                adcvdCase,
                Map.of());
    }

    static Entry entry() {
        return new Entry();
    }

    /** The entry a test's lines belong to. */
    static final class Entry {
        private String entryNumber = "ABC12345676";
        private LocalDate date = LocalDate.of(2026, 6, 15);
        private String type = "01";
        private String center = "BM";
        private String importer = "12-3456789AB";
        private boolean trustedPartner;
        private History history = History.NONE;

        Entry on(LocalDate value) {
            date = value;
            return this;
        }

        Entry center(String value) {
            center = value;
            return this;
        }

        Entry type(String value) {
            type = value;
            return this;
        }

        Entry trustedPartner() {
            trustedPartner = true;
            return this;
        }

        Entry history(History value) {
            history = value;
            return this;
        }

        EntryUnderReview with(Lines... lines) {
            List<Declaration> declarations = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                declarations.add(lines[i].build(i + 1, this));
            }
            return new EntryUnderReview(
                    entryNumber, 1, date, type, center, importer, "ABC", trustedPartner, declarations, history);
        }
    }

    /** The facts of the first line of an entry of the given lines. */
    static LineFacts factsOf(Lines line) {
        return LineFacts.of(entry().with(line)).get(0);
    }
}
