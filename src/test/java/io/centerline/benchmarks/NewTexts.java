package io.centerline.benchmarks;

import io.centerline.targeting.Declaration;
import io.centerline.targeting.EntryUnderReview;

/**
 * Lines and entry summaries equal to given ones in new texts, as those of a summary just read are: a benchmark that
 * reads the same lines again and again would otherwise find every text's hash worked out by an earlier lookup, which
 * scoring never does.
 */
final class NewTexts {

    private NewTexts() {}

    static EntryUnderReview of(EntryUnderReview entry) {
        return new EntryUnderReview(
                entry.entryNumber(),
                entry.version(),
                entry.entryDate(),
                entry.entryType(),
                copy(entry.center()),
                copy(entry.importer()),
                copy(entry.filer()),
                entry.trustedPartner(),
                entry.lines().stream().map(NewTexts::of).toList(),
                entry.history());
    }

    static Declaration of(Declaration d) {
        return new Declaration(
                d.entryNumber(),
                d.version(),
                d.lineNumber(),
                d.entryDate(),
                d.entryType(),
                copy(d.importer()),
                copy(d.filer()),
                copy(d.port()),
                copy(d.modeOfTransport()),
                copy(d.center()),
                copy(d.hts()),
                copy(d.countryOfOrigin()),
                copy(d.countryOfExport()),
                copy(d.manufacturer()),
                copy(d.description()),
                d.enteredValue(),
                d.quantity(),
                copy(d.unit()),
                d.grossWeightKg(),
                d.dutyRate(),
                d.relatedParty(),
                copy(d.adcvdCaseNumber()),
                d.attributes());
    }

    /** A text equal to the given one in new characters (the copy constructor would share them and their hash). */
    private static String copy(String text) {
        return text == null ? null : new StringBuilder(text).toString();
    }
}
