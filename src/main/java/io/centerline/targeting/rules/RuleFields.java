package io.centerline.targeting.rules;

import static io.centerline.targeting.rules.FieldType.BOOL;
import static io.centerline.targeting.rules.FieldType.DOUBLE;
import static io.centerline.targeting.rules.FieldType.INT;
import static io.centerline.targeting.rules.FieldType.STRING;
import static io.centerline.targeting.rules.FieldType.TIMESTAMP;
import static io.centerline.targeting.rules.LineFacts.text;

import io.centerline.targeting.Track;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The catalogue of fields targeters write rules against. Each is declared to CEL under its qualified name with its own
 * type, so the type-checker refuses a field that does not exist ({@code line.htss}) and a comparison of the wrong
 * types ({@code line.unitValue < "a"}) before a rule is stored.
 *
 * <p>A rule is evaluated on each line of an entry summary in turn; {@code entry.*}, {@code account.*} and
 * {@code history.*} are the same on every line of one entry, {@code history.manufacturer*} follows the line's
 * manufacturer. Text that is absent reads as the empty string. A number that is absent ({@code line.quantity},
 * {@code line.grossWeightKg} and the figures derived from them) is <em>unknown</em> to the rule: a rule fires only
 * when its outcome does not depend on the unknown number, so a missing figure never makes it fire by accident, and
 * {@code line.hasQuantity} / {@code line.hasGrossWeight} say whether the figure was declared.
 */
public final class RuleFields {

    /** The longest description intake accepts, in characters: the longest text a rule can read. */
    static final int LONGEST_DESCRIPTION = 500;

    /**
     * The most characters the text of each text field can hold, as intake stores it: a description at most
     * {@value #LONGEST_DESCRIPTION} (longer ones are rejected as {@code DESCRIPTION_TOO_LONG}); codes of a fixed width
     * or a validated form the length of that form (the AD/CVD case number is counted with its dashes, though intake
     * stores it without). A character is a Unicode code point, as intake counts them and RE2 steps through them.
     */
    private static final Map<String, Integer> LONGEST_TEXT = Map.ofEntries(
            Map.entry("entry.entryNumber", 11),
            Map.entry("entry.entryType", 2),
            Map.entry("entry.importer", 12),
            Map.entry("entry.filer", 3),
            Map.entry("entry.port", 4),
            Map.entry("entry.modeOfTransport", 2),
            Map.entry("entry.center", 6),
            Map.entry("entry.entryDate", 10),
            Map.entry("line.hts", 10),
            Map.entry("line.countryOfOrigin", 2),
            Map.entry("line.countryOfExport", 2),
            Map.entry("line.manufacturer", 15),
            Map.entry("line.description", LONGEST_DESCRIPTION),
            Map.entry("line.unit", 3),
            Map.entry("line.adcvdCaseNumber", 13),
            Map.entry("account.center", 6));

    /**
     * The text fields a filer writes in words of its own rather than as a code of a set form: a reason quotes them
     * always ({@link ReasonTemplate}). A manufacturer field holds a MID for an entry summary, but a name in other
     * sources.
     */
    private static final Set<String> FILERS_TEXT = Set.of("line.description", "line.manufacturer");

    private static final List<RuleField> FIELDS = List.of(
            field(
                    "entry.entryNumber",
                    STRING,
                    "The entry number, 11 characters without dashes",
                    f -> text(f.entry().entryNumber())),
            field(
                    "entry.entryType",
                    STRING,
                    "The entry type code, e.g. \"01\" (consumption), \"03\" (AD/CVD)",
                    f -> text(f.entry().entryType())),
            field(
                    "entry.importer",
                    STRING,
                    "The importer of record number",
                    f -> text(f.entry().importer())),
            field(
                    "entry.filer",
                    STRING,
                    "The filer code (three characters)",
                    f -> text(f.entry().filer())),
            field("entry.port", STRING, "The port of entry code (four digits)", LineFacts::port),
            field(
                    "entry.modeOfTransport",
                    STRING,
                    "The mode of transport code, e.g. \"11\" vessel, \"40\" air",
                    LineFacts::modeOfTransport),
            field(
                    "entry.center",
                    STRING,
                    "The Center that owns the importer's account, e.g. \"BM\"",
                    f -> text(f.entry().center())),
            field(
                    "entry.entryDate",
                    STRING,
                    "The entry date as text, YYYY-MM-DD (compares in date order)",
                    f -> String.valueOf(f.entry().entryDate())),
            field(
                    "entry.entryTimestamp",
                    TIMESTAMP,
                    "The entry date as a timestamp at midnight UTC",
                    LineFacts::entryInstant),
            field("entry.totalValue", DOUBLE, "The entered value of all lines, in US dollars", LineFacts::totalValue),
            field("entry.lineCount", INT, "The number of lines of the entry summary", f ->
                    (long) f.entry().lines().size()),
            field("line.lineNumber", INT, "The line number", f -> (long) f.lineNumber()),
            field(
                    "line.hts",
                    STRING,
                    "The HTS number, 10 digits without dots, e.g. \"7604101000\"",
                    f -> text(f.line().hts())),
            field(
                    "line.countryOfOrigin",
                    STRING,
                    "The ISO country code of origin, e.g. \"CN\"",
                    f -> text(f.line().countryOfOrigin())),
            field(
                    "line.countryOfExport",
                    STRING,
                    "The ISO country code of export",
                    f -> text(f.line().countryOfExport())),
            field(
                    "line.manufacturer",
                    STRING,
                    "The manufacturer or seller identification code (MID)",
                    f -> text(f.line().manufacturer())),
            field(
                    "line.description",
                    STRING,
                    "The description of the goods as declared",
                    f -> text(f.line().description())),
            field(
                    "line.enteredValue",
                    DOUBLE,
                    "The entered value of the line, in US dollars",
                    f -> f.line().enteredValue()),
            field(
                    "line.quantity",
                    DOUBLE,
                    "The quantity in the line's unit; unknown when not declared",
                    f -> f.line().quantity()),
            field(
                    "line.unit",
                    STRING,
                    "The unit of quantity, e.g. \"KG\", \"NO\"",
                    f -> text(f.line().unit())),
            field(
                    "line.unitValue",
                    DOUBLE,
                    "Entered value per unit of quantity; unknown without a positive quantity",
                    f -> f.line().unitValue()),
            field(
                    "line.grossWeightKg",
                    DOUBLE,
                    "The gross weight in kilograms; unknown when not declared",
                    f -> f.line().grossWeightKg()),
            field(
                    "line.valuePerKg",
                    DOUBLE,
                    "Entered value per kilogram; unknown without a positive weight",
                    f -> f.line().valuePerKg()),
            field(
                    "line.dutyRate",
                    DOUBLE,
                    "The duty as a percentage of the entered value",
                    f -> f.line().dutyRate()),
            field(
                    "line.relatedParty",
                    BOOL,
                    "Whether buyer and seller are related",
                    f -> f.line().relatedParty()),
            field(
                    "line.adcvdCaseNumber",
                    STRING,
                    "The AD/CVD case number, e.g. \"A-570-967-000\"; empty when none",
                    f -> text(f.line().adcvdCaseNumber())),
            field(
                    "line.hasQuantity",
                    BOOL,
                    "Whether a positive quantity was declared",
                    f -> f.line().quantity() > 0),
            field(
                    "line.hasGrossWeight",
                    BOOL,
                    "Whether a positive gross weight was declared",
                    f -> f.line().grossWeightKg() > 0),
            field(
                    "account.trustedPartner",
                    BOOL,
                    "Whether the importer held CTPAT Trade Compliance status on the entry date",
                    f -> f.entry().trustedPartner()),
            field(
                    "account.center",
                    STRING,
                    "The Center of the importer's account",
                    f -> text(f.entry().center())),
            field(
                    "history.importerReviews",
                    INT,
                    "Earlier reviews of this importer's entries",
                    f -> f.history().importer().reviews()),
            field(
                    "history.importerFindings",
                    INT,
                    "Earlier reviews of this importer's entries that found something",
                    f -> f.history().importer().findings()),
            field(
                    "history.importerFindingRate",
                    DOUBLE,
                    "Share of the importer's earlier reviews with a finding (0 without reviews)",
                    f -> f.history().importer().findingRate()),
            field(
                    "history.filerReviews",
                    INT,
                    "Earlier reviews of entries by this filer",
                    f -> f.history().filer().reviews()),
            field(
                    "history.filerFindings",
                    INT,
                    "Earlier reviews of entries by this filer that found something",
                    f -> f.history().filer().findings()),
            field(
                    "history.filerFindingRate",
                    DOUBLE,
                    "Share of the filer's earlier reviews with a finding (0 without reviews)",
                    f -> f.history().filer().findingRate()),
            field(
                    "history.manufacturerReviews",
                    INT,
                    "Earlier reviews of entries with this line's manufacturer",
                    f -> f.manufacturerTrack().reviews()),
            field(
                    "history.manufacturerFindings",
                    INT,
                    "Earlier reviews with this line's manufacturer that found something",
                    f -> f.manufacturerTrack().findings()),
            field(
                    "history.manufacturerFindingRate",
                    DOUBLE,
                    "Share of reviews with this line's manufacturer that found something",
                    f -> {
                        Track track = f.manufacturerTrack();
                        return track.findingRate();
                    }));

    private static final Map<String, RuleField> BY_NAME = index();

    private RuleFields() {}

    /** Every field, grouped as entry, line, account and history. */
    public static List<RuleField> all() {
        return FIELDS;
    }

    /** The field of a qualified name, or {@code null}. */
    public static RuleField field(String name) {
        return BY_NAME.get(name);
    }

    /** Whether a field is text a filer writes in words of its own, which a reason always quotes. */
    static boolean isFilersText(RuleField field) {
        return FILERS_TEXT.contains(field.name());
    }

    public static boolean exists(String name) {
        return BY_NAME.containsKey(name);
    }

    /**
     * The most characters the text of a field can hold; {@value #LONGEST_DESCRIPTION}, the longest of any, for a
     * name that is not a text field.
     */
    static int longestText(String name) {
        return LONGEST_TEXT.getOrDefault(name, LONGEST_DESCRIPTION);
    }

    private static RuleField field(
            String name, FieldType type, String description, Function<LineFacts, Object> reader) {
        return new RuleField(name, type, description, reader);
    }

    private static Map<String, RuleField> index() {
        Map<String, RuleField> index = new HashMap<>();
        for (RuleField field : FIELDS) {
            if (index.put(field.name(), field) != null) {
                throw new IllegalStateException("Field " + field.name() + " is declared twice");
            }
            if ((field.type() == STRING) != LONGEST_TEXT.containsKey(field.name())) {
                throw new IllegalStateException("Field " + field.name() + " is text without a longest length, or"
                        + " has one without being text");
            }
        }
        return index;
    }
}
