package io.centerline.entries.validation;

import io.centerline.accounts.ImporterNumber;
import io.centerline.entries.EntryNumber;
import io.centerline.entries.SubmittedEntrySummary;
import io.centerline.entries.SubmittedEntrySummary.Line;
import io.centerline.platform.Printable;
import io.centerline.reference.AdcvdOrder;
import io.centerline.reference.EntryType;
import io.centerline.reference.HtsNumber;
import io.centerline.reference.ValueLimit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The validation policies of an entry summary, each with its stable error codes. They all run on every submission so
 * that a filer learns everything wrong with a record at once; a policy skips a check whose input another policy has
 * already found malformed.
 */
final class SummaryPolicies {

    private SummaryPolicies() {}

    static final List<SummaryPolicy> ALL = List.of(
            new RequiredFields(),
            new PrintableText(),
            new EntryNumberCheckDigit(),
            new KnownEntryType(),
            new EntryTypeOfASummary(),
            new KnownPort(),
            new KnownModeOfTransport(),
            new BondType(),
            new ImporterNumberFormat(),
            new Dates(),
            new LineNumbers(),
            new HtsNumbers(),
            new Countries(),
            new ManufacturerIdStructure(),
            new DescriptionLength(),
            new Amounts(),
            new Flags(),
            new AdcvdCases(),
            new Totals(),
            new InformalEntryLimit());

    /** The number a line is known by in findings: its declared number when readable, else its position. */
    static int lineLabel(List<Line> lines, int index) {
        int number = Fields.lineNumberOrZero(lines.get(index).lineNumber());
        return number > 0 ? number : index + 1;
    }

    /**
     * Every field is printable text: no control character (U+0000 to U+001F, U+007F to U+009F) other than a tab or a
     * line break, which a description may hold; no field of an entry summary means one, and the database cannot store
     * U+0000. Nor any half of a UTF-16 surrogate pair, which is no character at all.
     */
    static final class PrintableText implements SummaryPolicy {
        @Override
        public void check(SubmittedEntrySummary s, Context context, Findings findings) {
            BiConsumer<String, String> header = (field, text) -> unprintable(text)
                    .ifPresent(problem -> findings.header(
                            field, "UNPRINTABLE_CHARACTER", "The " + field + " holds " + problem + "."));
            header.accept("entryNumber", s.entryNumber());
            header.accept("entryType", s.entryType());
            header.accept("importerNumber", s.importerNumber());
            header.accept("portOfEntry", s.portOfEntry());
            header.accept("entryDate", s.entryDate());
            header.accept("summaryDate", s.summaryDate());
            header.accept("modeOfTransport", s.modeOfTransport());
            header.accept("bondType", s.bondType());
            header.accept("postSummaryCorrection", s.postSummaryCorrection());
            header.accept("totalEnteredValue", s.totalEnteredValue());
            header.accept("totalDuty", s.totalDuty());
            header.accept("totalFees", s.totalFees());
            for (int i = 0; i < s.lines().size(); i++) {
                Line line = s.lines().get(i);
                int label = context.label(i);
                BiConsumer<String, String> onLine = (field, text) -> unprintable(text)
                        .ifPresent(problem -> findings.line(
                                label,
                                field,
                                "UNPRINTABLE_CHARACTER",
                                "The " + field + " on line " + label + " holds " + problem + "."));
                onLine.accept("lineNumber", line.lineNumber());
                onLine.accept("htsNumber", line.htsNumber());
                line.additionalHtsNumbers().forEach(number -> onLine.accept("additionalHtsNumbers", number));
                onLine.accept("countryOfOrigin", line.countryOfOrigin());
                onLine.accept("countryOfExport", line.countryOfExport());
                onLine.accept("manufacturerId", line.manufacturerId());
                onLine.accept("description", line.description());
                onLine.accept("enteredValue", line.enteredValue());
                onLine.accept("quantity", line.quantity());
                onLine.accept("unit", line.unit());
                onLine.accept("grossWeightKg", line.grossWeightKg());
                onLine.accept("relatedParty", line.relatedParty());
                onLine.accept("dutyAmount", line.dutyAmount());
                onLine.accept("adcvdCaseNumber", line.adcvdCaseNumber());
                onLine.accept("adcvdDeposit", line.adcvdDeposit());
                for (var fee : line.fees()) {
                    onLine.accept("fees", fee.classCode());
                    onLine.accept("fees", fee.amount());
                }
            }
        }

        /** What is wrong with the text, in words, or empty when every character is printable. */
        static Optional<String> unprintable(String text) {
            int at = Printable.unprintableAt(text);
            if (at < 0) {
                return Optional.empty();
            }
            char c = text.charAt(at);
            if (c == Printable.REPLACEMENT) {
                return Optional.of(String.format(
                        "the replacement character U+FFFD at position %d, which stands for bytes that are not UTF-8;"
                                + " send the file in UTF-8",
                        at + 1));
            }
            return Optional.of(
                    Character.isSurrogate(c)
                            ? String.format(
                                    "half of a UTF-16 surrogate pair (U+%04X) at position %d, which is no character;"
                                            + " check the sender's encoding",
                                    (int) c, at + 1)
                            : String.format(
                                    "a control character (U+%04X) at position %d; entry summary fields take printable"
                                            + " text, tabs and line breaks only",
                                    (int) c, at + 1));
        }
    }

    /**
     * Every field that CBP Form 7501 always carries must be present, so that nothing is stored that its filer did not
     * declare: a line's related-party flag in particular is an assertion about the transaction (the form's relationship
     * of buyer and seller, read by risk rules), never taken as "no" when it is left out. The bond type and the header
     * totals stay optional: the intake specification's summary carries neither, a CATAIR AE transaction has no total
     * entered value, and a summary without them asserts nothing, its totals being the sums of its lines.
     */
    static final class RequiredFields implements SummaryPolicy {
        @Override
        public void check(SubmittedEntrySummary s, Context context, Findings findings) {
            require(s.entryNumber(), "entryNumber", findings);
            require(s.entryType(), "entryType", findings);
            require(s.importerNumber(), "importerNumber", findings);
            require(s.portOfEntry(), "portOfEntry", findings);
            require(s.entryDate(), "entryDate", findings);
            require(s.summaryDate(), "summaryDate", findings);
            require(s.modeOfTransport(), "modeOfTransport", findings);
            if (s.lines().isEmpty()) {
                findings.header("lines", "NO_LINES", "An entry summary needs at least one line item.");
            }
            for (int i = 0; i < s.lines().size(); i++) {
                Line line = s.lines().get(i);
                int label = context.label(i);
                requireOnLine(line.lineNumber(), label, "lineNumber", findings);
                requireOnLine(line.htsNumber(), label, "htsNumber", findings);
                requireOnLine(line.countryOfOrigin(), label, "countryOfOrigin", findings);
                requireOnLine(line.countryOfExport(), label, "countryOfExport", findings);
                requireOnLine(line.manufacturerId(), label, "manufacturerId", findings);
                if (Fields.isBlank(line.description())) {
                    findings.line(
                            label,
                            "description",
                            "REQUIRED",
                            "Line " + label + " has no description: give the description of its goods, as every"
                                    + " line of CBP Form 7501 does.");
                }
                requireOnLine(line.enteredValue(), label, "enteredValue", findings);
                requireOnLine(line.quantity(), label, "quantity", findings);
                requireOnLine(line.unit(), label, "unit", findings);
                if (Fields.isBlank(line.relatedParty())) {
                    findings.line(
                            label,
                            "relatedParty",
                            "REQUIRED",
                            "Line " + label + " has no relatedParty: say whether buyer and seller are related (true or"
                                    + " false; Y or N in position 56 of a CATAIR AE 40 record), as the relationship"
                                    + " of every line of CBP Form 7501 does; a flag left out is never taken as no.");
                }
                requireOnLine(line.dutyAmount(), label, "dutyAmount", findings);
            }
        }

        private static void require(String value, String field, Findings findings) {
            if (Fields.isBlank(value)) {
                findings.header(field, "REQUIRED", "The " + field + " is missing.");
            }
        }

        private static void requireOnLine(String value, int line, String field, Findings findings) {
            if (Fields.isBlank(value)) {
                findings.line(line, field, "REQUIRED", "Line " + line + " has no " + field + ".");
            }
        }
    }

    /** The entry number has its filer code, serial and a check digit that matches them (7501 Appendix 1). */
    static final class EntryNumberCheckDigit implements SummaryPolicy {
        @Override
        public void check(SubmittedEntrySummary s, Context context, Findings findings) {
            if (Fields.isBlank(s.entryNumber())) {
                return;
            }
            EntryNumber.check(s.entryNumber())
                    .ifPresent(problem -> findings.header("entryNumber", problem.code(), problem.message()));
        }
    }

    /** The entry type is one of the codes of the 7501 instructions. */
    static final class KnownEntryType implements SummaryPolicy {
        @Override
        public void check(SubmittedEntrySummary s, Context context, Findings findings) {
            if (!Fields.isBlank(s.entryType())
                    && context.codes().entryType(s.entryType().trim()).isEmpty()) {
                findings.header(
                        "entryType",
                        "ENTRY_TYPE_UNKNOWN",
                        "Entry type '" + Fields.shown(s.entryType())
                                + "' is not a known entry type code (01, 03, 11, ...).");
            }
        }
    }

    /**
     * The entry type is one filed on an entry summary (CBP Form 7501). The code list also holds types filed on forms of
     * their own, which no entry summary carries: foreign-trade zone admission (26), drawback (41-46) and in-bond
     * transportation (61, 62, 63, 69, 70). Taken as summaries they would be charged fees and given liquidation clocks.
     */
    static final class EntryTypeOfASummary implements SummaryPolicy {
        @Override
        public void check(SubmittedEntrySummary s, Context context, Findings findings) {
            if (Fields.isBlank(s.entryType())) {
                return;
            }
            Optional<EntryType> type = context.codes().entryType(s.entryType().trim());
            if (type.isPresent() && !type.get().entrySummary()) {
                findings.header(
                        "entryType",
                        "ENTRY_TYPE_NOT_A_SUMMARY",
                        "Entry type " + type.get().code() + " (" + type.get().name() + ") is not filed as an entry"
                                + " summary: it is filed with CBP on a form of its own, not on CBP Form 7501, and"
                                + " Centerline takes entry summaries only. Give the type of the entry the summary is"
                                + " for, such as 01 (consumption), 06 (foreign-trade zone consumption) or 31"
                                + " (warehouse withdrawal for consumption).");
            }
        }
    }

    /** The port of entry is a known 4-digit U.S. port code. */
    static final class KnownPort implements SummaryPolicy {
        @Override
        public void check(SubmittedEntrySummary s, Context context, Findings findings) {
            if (!Fields.isBlank(s.portOfEntry())
                    && !context.codes().isPort(s.portOfEntry().trim())) {
                findings.header(
                        "portOfEntry",
                        "PORT_UNKNOWN",
                        "Port of entry '" + Fields.shown(s.portOfEntry()) + "' is not a known 4-digit U.S. port code.");
            }
        }
    }

    /** The mode of transport is a known code (10, 11 and 12 vessel, 40 air, ...; {@code modes-of-transport.csv}). */
    static final class KnownModeOfTransport implements SummaryPolicy {
        @Override
        public void check(SubmittedEntrySummary s, Context context, Findings findings) {
            if (!Fields.isBlank(s.modeOfTransport())
                    && !context.codes().isModeOfTransport(s.modeOfTransport().trim())) {
                findings.header(
                        "modeOfTransport",
                        "MODE_OF_TRANSPORT_UNKNOWN",
                        "Mode of transport '" + Fields.shown(s.modeOfTransport())
                                + "' is not a known code (10, 11 and 12 vessel, 12 being border water-borne; 20/21"
                                + " rail, 30/31 truck, 40/41 air, ...).");
            }
        }
    }

    /** The bond type, when given, is 0 (no bond), 8 (continuous) or 9 (single transaction). */
    static final class BondType implements SummaryPolicy {
        private static final Set<String> KNOWN = Set.of("0", "8", "9");

        @Override
        public void check(SubmittedEntrySummary s, Context context, Findings findings) {
            if (!Fields.isBlank(s.bondType()) && !KNOWN.contains(s.bondType().trim())) {
                findings.header(
                        "bondType",
                        "BOND_TYPE_UNKNOWN",
                        "Bond type '" + Fields.shown(s.bondType())
                                + "' is none of 0 (no bond), 8 (continuous) or 9 (single transaction).");
            }
        }
    }

    /** The importer number is an employer number with suffix, a Social Security number or a CBP-assigned number. */
    static final class ImporterNumberFormat implements SummaryPolicy {
        @Override
        public void check(SubmittedEntrySummary s, Context context, Findings findings) {
            if (!Fields.isBlank(s.importerNumber())
                    && ImporterNumber.tryParse(s.importerNumber()).isEmpty()) {
                findings.header(
                        "importerNumber", "IMPORTER_NUMBER_FORMAT", ImporterNumber.problemWith(s.importerNumber()));
            }
        }
    }

    /**
     * Dates are ISO dates, none after the business date, the entry date not before the statutory periods on file begin,
     * and the summary is not dated before the entry.
     */
    static final class Dates implements SummaryPolicy {
        @Override
        public void check(SubmittedEntrySummary s, Context context, Findings findings) {
            Optional<LocalDate> entryDate = date(s.entryDate(), "entryDate", context, findings);
            Optional<LocalDate> summaryDate = date(s.summaryDate(), "summaryDate", context, findings);
            LocalDate earliest = context.codes().earliestEntryDate();
            if (entryDate.isPresent() && entryDate.get().isBefore(earliest)) {
                findings.header(
                        "entryDate",
                        "ENTRY_DATE_TOO_EARLY",
                        "The entry date " + entryDate.get() + " lies before " + earliest
                                + ", the earliest entry date whose statutory clocks Centerline holds the periods for;"
                                + " an entry that old was liquidated long ago.");
            }
            if (entryDate.isPresent()
                    && summaryDate.isPresent()
                    && summaryDate.get().isBefore(entryDate.get())) {
                findings.header(
                        "summaryDate",
                        "SUMMARY_BEFORE_ENTRY",
                        "The summary date " + summaryDate.get() + " is before the entry date " + entryDate.get() + ".");
            }
        }

        private static Optional<LocalDate> date(String text, String field, Context context, Findings findings) {
            if (Fields.isBlank(text)) {
                return Optional.empty();
            }
            Optional<LocalDate> date = Fields.date(text);
            if (date.isEmpty()) {
                findings.header(
                        field,
                        "DATE_FORMAT",
                        "The " + field + " '" + Fields.shown(text)
                                + "' is not a calendar date in the form YYYY-MM-DD.");
            } else if (date.get().isAfter(context.businessDate())) {
                findings.header(
                        field,
                        "DATE_IN_FUTURE",
                        "The " + field + " " + date.get() + " lies after today's business date "
                                + context.businessDate() + ".");
            }
            return date;
        }
    }

    /** Line numbers are whole numbers from 1 to 999, each used once. */
    static final class LineNumbers implements SummaryPolicy {
        @Override
        public void check(SubmittedEntrySummary s, Context context, Findings findings) {
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < s.lines().size(); i++) {
                String text = s.lines().get(i).lineNumber();
                if (Fields.isBlank(text)) {
                    continue;
                }
                Optional<Integer> number = Fields.lineNumber(text);
                if (number.isEmpty()) {
                    findings.line(
                            i + 1,
                            "lineNumber",
                            "LINE_NUMBER_FORMAT",
                            "Line number '" + Fields.shown(text) + "' (line item " + (i + 1)
                                    + ") is not a whole number from 1 to 999.");
                } else if (!seen.add(number.get())) {
                    findings.line(
                            number.get(),
                            "lineNumber",
                            "LINE_NUMBER_DUPLICATE",
                            "Line number " + number.get() + " is used more than once.");
                }
            }
        }
    }

    /**
     * The HTS number of a line has 10 digits in chapters 01 to 97; special provisions of chapters 98 and 99 stand
     * only as additional numbers, of 10 digits or of the 8 their subheadings are published with ({@code 9903.88.03}).
     */
    static final class HtsNumbers implements SummaryPolicy {
        /** The chapter the Harmonized Tariff Schedule keeps empty, reserved for possible future use. */
        private static final int RESERVED_CHAPTER = 77;

        @Override
        public void check(SubmittedEntrySummary s, Context context, Findings findings) {
            for (int i = 0; i < s.lines().size(); i++) {
                Line line = s.lines().get(i);
                int label = context.label(i);
                if (!Fields.isBlank(line.htsNumber())) {
                    if (!HtsNumber.isWellFormed(line.htsNumber())) {
                        findings.line(
                                label,
                                "htsNumber",
                                "HTS_FORMAT",
                                "HTS number '" + Fields.shown(line.htsNumber()) + "' on line " + label
                                        + " must have 10 digits.");
                    } else {
                        HtsNumber hts = HtsNumber.parse(line.htsNumber());
                        if (hts.isSpecialProvision()) {
                            findings.line(
                                    label,
                                    "htsNumber",
                                    "HTS_CHAPTER",
                                    "HTS number " + hts + " on line " + label + " is in chapter " + hts.chapter()
                                            + ", which is reported only as an additional number beside a"
                                            + " classification in chapters 01 to 97.");
                        } else if (!hts.isClassification()) {
                            findings.line(
                                    label,
                                    "htsNumber",
                                    "HTS_CHAPTER",
                                    "HTS number " + hts + " on line " + label + " is in chapter 00, which does not"
                                            + " exist.");
                        } else if (hts.chapter() == RESERVED_CHAPTER) {
                            findings.line(
                                    label,
                                    "htsNumber",
                                    "HTS_CHAPTER",
                                    "HTS number " + hts + " on line " + label + " is in chapter 77, which the"
                                            + " tariff schedule reserves for future use: no goods are classified"
                                            + " in it.");
                        }
                    }
                }
                for (String additional : line.additionalHtsNumbers()) {
                    if (!HtsNumber.isWellFormedAdditional(additional)) {
                        findings.line(
                                label,
                                "additionalHtsNumbers",
                                "HTS_FORMAT",
                                "Additional HTS number '" + Fields.shown(additional) + "' on line " + label
                                        + " must have 10 digits, or 8 for a provision of chapter 98 or 99.");
                    } else if (!HtsNumber.parse(additional).isSpecialProvision()) {
                        findings.line(
                                label,
                                "additionalHtsNumbers",
                                "ADDITIONAL_HTS_CHAPTER",
                                "Additional HTS number " + HtsNumber.parse(additional) + " on line " + label
                                        + " must be in chapter 98 or 99.");
                    }
                }
            }
        }
    }

    /** Countries of origin and export are ISO 3166 alpha-2 codes, in capitals or not. */
    static final class Countries implements SummaryPolicy {
        @Override
        public void check(SubmittedEntrySummary s, Context context, Findings findings) {
            for (int i = 0; i < s.lines().size(); i++) {
                Line line = s.lines().get(i);
                int label = context.label(i);
                country(line.countryOfOrigin(), "countryOfOrigin", label, context, findings);
                country(line.countryOfExport(), "countryOfExport", label, context, findings);
            }
        }

        private static void country(String code, String field, int line, Context context, Findings findings) {
            if (!Fields.isBlank(code) && !context.codes().isCountry(Fields.upper(code))) {
                findings.line(
                        line,
                        field,
                        "COUNTRY_UNKNOWN",
                        "'" + Fields.shown(code) + "' on line " + line
                                + " is not an ISO 3166 two-letter country code.");
            }
        }
    }

    /**
     * A manufacturer ID follows 19 CFR 102 Appendix: country (or Canadian province) code, up to six letters of the
     * name, up to four digits of the street number and three letters of the city, at most 15 characters, read in capitals.
     * An ID from another country than the line's origin is accepted with a warning.
     */
    /**
     * A line's description is at most {@value #MAX_DESCRIPTION} characters: the commercial description of an entry
     * line, which CATAIR carries in 44 records of 72 characters. Without a bound a filer could send megabytes of text
     * in one line, which every rule and detector reading descriptions would have to scan.
     */
    static final class DescriptionLength implements SummaryPolicy {
        static final int MAX_DESCRIPTION = 500;

        @Override
        public void check(SubmittedEntrySummary s, Context context, Findings findings) {
            for (int i = 0; i < s.lines().size(); i++) {
                String description = s.lines().get(i).description();
                // characters as a reader counts them: a character outside the basic plane is one, not two
                if (description != null
                        && description.length() > MAX_DESCRIPTION
                        && description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
                    int label = context.label(i);
                    findings.line(
                            label,
                            "description",
                            "DESCRIPTION_TOO_LONG",
                            String.format(
                                    Locale.ROOT,
                                    "The description on line %d is %,d characters long; a line's description may"
                                            + " take at most %d.",
                                    label,
                                    description.codePointCount(0, description.length()),
                                    MAX_DESCRIPTION));
                }
            }
        }
    }

    static final class ManufacturerIdStructure implements SummaryPolicy {
        private static final Set<String> CANADIAN_PROVINCES =
                Set.of("XA", "XC", "XM", "XB", "XW", "XT", "XN", "XV", "XO", "XP", "XQ", "XS", "XY");

        @Override
        public void check(SubmittedEntrySummary s, Context context, Findings findings) {
            for (int i = 0; i < s.lines().size(); i++) {
                Line line = s.lines().get(i);
                int label = context.label(i);
                if (Fields.isBlank(line.manufacturerId())) {
                    continue;
                }
                String mid = Fields.upper(line.manufacturerId());
                if (mid.length() > 15 || !Fields.isManufacturerIdStructure(mid)) {
                    findings.line(
                            label,
                            "manufacturerId",
                            "MANUFACTURER_ID_FORMAT",
                            "Manufacturer ID '" + Fields.shown(mid) + "' on line " + label
                                    + " must be a country code, up to six"
                                    + " letters of the name, up to four digits of the address and three letters of"
                                    + " the city, at most 15 characters (e.g. VNSAMELE12HAN).");
                    continue;
                }
                String prefix = mid.substring(0, 2);
                boolean province = CANADIAN_PROVINCES.contains(prefix);
                if (!province && ("CA".equals(prefix) || !context.codes().isCountry(prefix))) {
                    findings.line(
                            label,
                            "manufacturerId",
                            "MANUFACTURER_ID_COUNTRY",
                            "Manufacturer ID '" + mid + "' on line " + label + " begins with '" + prefix
                                    + "', which is no ISO country code"
                                    + ("CA".equals(prefix)
                                            ? " usable in an ID: Canadian makers use a province code"
                                                    + " (XO Ontario, XQ Quebec, ...)."
                                            : "."));
                    continue;
                }
                String origin = Fields.upper(line.countryOfOrigin());
                boolean matchesOrigin = province ? "CA".equals(origin) : prefix.equals(origin);
                if (origin != null && !matchesOrigin) {
                    findings.warn(
                            label,
                            "MANUFACTURER_ID_ORIGIN",
                            "Manufacturer ID " + mid + " on line " + label + " is of " + prefix
                                    + " while the country of origin is " + Fields.shown(origin) + ".");
                }
            }
        }
    }

    /**
     * Money and quantities are plain decimals, never negative, with at most two decimals for money, and below limits
     * that no real entry summary reaches: an amount of a line, and the sum of an amount over the lines, below 10^14
     * dollars (a hundred trillion), a quantity below 10^14 and a gross weight below 10^12 kg (a billion tonnes).
     * Whatever passes is stored whole: the columns hold these limits.
     */
    static final class Amounts implements SummaryPolicy {
        private static final BigDecimal MONEY_LIMIT = new BigDecimal("100000000000000");
        private static final BigDecimal WEIGHT_LIMIT = new BigDecimal("1000000000000");

        @Override
        public void check(SubmittedEntrySummary s, Context context, Findings findings) {
            BigDecimal enteredValue = BigDecimal.ZERO;
            BigDecimal duty = BigDecimal.ZERO;
            BigDecimal deposits = BigDecimal.ZERO;
            BigDecimal fees = BigDecimal.ZERO;
            for (int i = 0; i < s.lines().size(); i++) {
                Line line = s.lines().get(i);
                int label = context.label(i);
                Function<String, FieldCheck> onLine = field ->
                        (code, message) -> findings.line(label, field, code, message + " (line " + label + ").");
                enteredValue =
                        enteredValue.add(money(line.enteredValue(), "enteredValue", onLine.apply("enteredValue")));
                duty = duty.add(money(line.dutyAmount(), "dutyAmount", onLine.apply("dutyAmount")));
                deposits = deposits.add(money(line.adcvdDeposit(), "adcvdDeposit", onLine.apply("adcvdDeposit")));
                quantity(line.quantity(), "quantity", 4, MONEY_LIMIT, "quantity", onLine.apply("quantity"));
                quantity(
                        line.grossWeightKg(),
                        "grossWeightKg",
                        2,
                        WEIGHT_LIMIT,
                        "weight",
                        onLine.apply("grossWeightKg"));
                if (!Fields.isBlank(line.unit())
                        && !Fields.isUnitCode(line.unit().trim())) {
                    findings.line(
                            label,
                            "unit",
                            "UNIT_FORMAT",
                            "Unit '" + Fields.shown(line.unit()) + "' on line " + label
                                    + " must be a unit of quantity code of 1 to 3 letters or digits (NO, KG, DOZ).");
                }
                for (var fee : line.fees()) {
                    if (fee.classCode() == null
                            || !Fields.isDigits(fee.classCode().trim(), 3, 3)) {
                        findings.line(
                                label,
                                "fees",
                                "FEE_CLASS_FORMAT",
                                "Fee class code '" + Fields.shown(fee.classCode()) + "' on line " + label
                                        + " must have 3 digits (499 MPF, 501 HMF).");
                    }
                    if (Fields.isBlank(fee.amount())) {
                        findings.line(label, "fees", "REQUIRED", "A fee on line " + label + " has no amount.");
                    } else {
                        fees = fees.add(money(fee.amount(), "fees", onLine.apply("fees")));
                    }
                }
            }
            money(
                    s.totalEnteredValue(),
                    "totalEnteredValue",
                    (code, message) -> findings.header("totalEnteredValue", code, message + "."));
            money(s.totalDuty(), "totalDuty", (code, message) -> findings.header("totalDuty", code, message + "."));
            money(s.totalFees(), "totalFees", (code, message) -> findings.header("totalFees", code, message + "."));
            sum(enteredValue, "totalEnteredValue", "entered values", findings);
            sum(duty, "totalDuty", "duty amounts", findings);
            sum(deposits, "adcvdDeposit", "AD/CVD deposits", findings);
            sum(fees, "totalFees", "fees", findings);
        }

        /** An amount summed over the lines must stay below the limit too: the summary stores the sum. */
        private static void sum(BigDecimal sum, String field, String what, Findings findings) {
            if (sum.compareTo(MONEY_LIMIT) >= 0) {
                findings.header(
                        field,
                        "AMOUNT_TOO_LARGE",
                        "The " + what + " of the lines add up to " + sum.toPlainString()
                                + ", beyond any real entry summary.");
            }
        }

        /** Checks an amount of money; returns it when it is valid, or zero (nothing to add up) when not. */
        private static BigDecimal money(String text, String field, FieldCheck report) {
            if (Fields.isBlank(text)) {
                return BigDecimal.ZERO;
            }
            Optional<BigDecimal> amount = Fields.decimal(text);
            if (amount.isEmpty() && Fields.isDecimalBeyondEveryLimit(text)) {
                report.fail(
                        "AMOUNT_TOO_LARGE", "The " + field + " " + Fields.shown(text) + " is beyond any real amount");
            } else if (amount.isEmpty()) {
                report.fail("AMOUNT_FORMAT", "The " + field + " '" + Fields.shown(text) + "' is not a decimal amount");
            } else if (amount.get().signum() < 0) {
                report.fail("VALUE_NEGATIVE", "The " + field + " " + Fields.shown(text) + " is negative");
            } else if (amount.get().scale() > 2
                    && amount.get().stripTrailingZeros().scale() > 2) {
                report.fail("AMOUNT_FORMAT", "The " + field + " " + Fields.shown(text) + " has more than two decimals");
            } else if (amount.get().compareTo(MONEY_LIMIT) >= 0) {
                report.fail(
                        "AMOUNT_TOO_LARGE", "The " + field + " " + Fields.shown(text) + " is beyond any real amount");
            } else {
                // zeros past the cent ("69.280") are no decimals of the amount
                return amount.get().scale() > 2 ? amount.get().setScale(2) : amount.get();
            }
            return BigDecimal.ZERO;
        }

        private static void quantity(
                String text, String field, int decimals, BigDecimal limit, String what, FieldCheck report) {
            if (Fields.isBlank(text)) {
                return;
            }
            Optional<BigDecimal> quantity = Fields.decimal(text);
            if (quantity.isEmpty() && Fields.isDecimalBeyondEveryLimit(text)) {
                report.fail(
                        "AMOUNT_TOO_LARGE", "The " + field + " " + Fields.shown(text) + " is beyond any real " + what);
            } else if (quantity.isEmpty()) {
                report.fail("AMOUNT_FORMAT", "The " + field + " '" + Fields.shown(text) + "' is not a decimal number");
            } else if (quantity.get().signum() < 0) {
                report.fail("VALUE_NEGATIVE", "The " + field + " " + Fields.shown(text) + " is negative");
            } else if (quantity.get().stripTrailingZeros().scale() > decimals) {
                report.fail(
                        "AMOUNT_FORMAT",
                        "The " + field + " " + Fields.shown(text) + " has more than " + decimals + " decimals");
            } else if (quantity.get().compareTo(limit) >= 0) {
                report.fail(
                        "AMOUNT_TOO_LARGE", "The " + field + " " + Fields.shown(text) + " is beyond any real " + what);
            }
        }

        @FunctionalInterface
        private interface FieldCheck {
            void fail(String code, String message);
        }
    }

    /** Yes/no fields are true/false (or Y/N); a missing related-party flag is {@link RequiredFields}' to report. */
    static final class Flags implements SummaryPolicy {
        @Override
        public void check(SubmittedEntrySummary s, Context context, Findings findings) {
            if (Fields.flag(s.postSummaryCorrection()).isEmpty()) {
                findings.header(
                        "postSummaryCorrection",
                        "BOOLEAN_FORMAT",
                        "postSummaryCorrection '" + Fields.shown(s.postSummaryCorrection())
                                + "' must be true or false (or Y or N).");
            }
            for (int i = 0; i < s.lines().size(); i++) {
                Line line = s.lines().get(i);
                if (!Fields.isBlank(line.relatedParty())
                        && Fields.flag(line.relatedParty()).isEmpty()) {
                    int label = context.label(i);
                    findings.line(
                            label,
                            "relatedParty",
                            "BOOLEAN_FORMAT",
                            "relatedParty '" + Fields.shown(line.relatedParty()) + "' on line " + label
                                    + " must be true or false (or Y or N).");
                }
            }
        }
    }

    /**
     * An entry of an AD/CVD type (03, 07, 34, 38) declares the case of the goods an order holds, in the form
     * A-570-967-000 (A for antidumping, C for countervailing): at least one of its lines carries a case, and so does
     * every line whose goods an order in force on the entry date holds by its HTS prefixes and country, while a line
     * of goods no order holds (parts shipped with subject extrusions) needs none. Lines of a type that admits a case
     * without requiring one (06, foreign-trade zone consumption) may carry one; other entry types carry none, and a
     * deposit needs its case.
     */
    static final class AdcvdCases implements SummaryPolicy {
        private static final Pattern CASE = Pattern.compile("[AC]\\d{9}");

        @Override
        public void check(SubmittedEntrySummary s, Context context, Findings findings) {
            Optional<EntryType> type = Fields.isBlank(s.entryType())
                    ? Optional.empty()
                    : context.codes().entryType(s.entryType().trim());
            boolean anyCase = false;
            for (Line line : s.lines()) {
                anyCase |= !Fields.isBlank(line.adcvdCaseNumber());
            }
            for (int i = 0; i < s.lines().size(); i++) {
                Line line = s.lines().get(i);
                int label = context.label(i);
                boolean hasCase = !Fields.isBlank(line.adcvdCaseNumber());
                if (hasCase && !CASE.matcher(normalise(line.adcvdCaseNumber())).matches()) {
                    findings.line(
                            label,
                            "adcvdCaseNumber",
                            "ADCVD_CASE_FORMAT",
                            "AD/CVD case number '" + Fields.shown(line.adcvdCaseNumber()) + "' on line " + label
                                    + " must be A or C followed by 9 digits (e.g. A-570-967-000).");
                }
                if (hasCase && CASE.matcher(normalise(line.adcvdCaseNumber())).matches()) {
                    outsideScope(line, label, normalise(line.adcvdCaseNumber()), context, findings);
                }
                if (type.isPresent() && type.get().adcvd() && !hasCase) {
                    String why = anyCase
                            ? subjectGoods(s, line, context)
                            : "an AD/CVD entry declares the case of the goods an order holds, and no line of this one"
                                    + " declares one.";
                    if (why != null) {
                        findings.line(
                                label,
                                "adcvdCaseNumber",
                                "ADCVD_CASE_REQUIRED",
                                "Line " + label + " of a type " + type.get().code()
                                        + " (AD/CVD) entry needs its AD/CVD case number: " + why);
                    }
                }
                if (type.isPresent() && !type.get().admitsAdcvdCase() && hasCase) {
                    findings.line(
                            label,
                            "adcvdCaseNumber",
                            "ADCVD_CASE_ON_OTHER_TYPE",
                            "Line " + label + " carries AD/CVD case "
                                    + Fields.shown(line.adcvdCaseNumber())
                                    + " but entry type " + type.get().code()
                                    + " is not an AD/CVD type; file it as type 03 (or 07, 34, 38; 06 for goods"
                                    + " entered for consumption from a foreign-trade zone).");
                }
                if (!hasCase && !Fields.isBlank(line.adcvdDeposit())) {
                    findings.line(
                            label,
                            "adcvdDeposit",
                            "ADCVD_DEPOSIT_WITHOUT_CASE",
                            "Line " + label + " declares an AD/CVD deposit without a case number.");
                }
            }
        }

        /**
         * Which orders in force on the entry date hold a line's goods, in words, or null when none does (or the line's
         * number, origin or entry date cannot be read, which their own policies refuse).
         */
        private static String subjectGoods(SubmittedEntrySummary s, Line line, Context context) {
            Optional<LocalDate> entryDate = Fields.date(s.entryDate());
            String hts = hts(line);
            String origin = origin(line);
            if (hts == null || origin == null || entryDate.isEmpty()) {
                return null;
            }
            List<AdcvdOrder> orders = context.codes().adcvdOrdersCovering(hts, origin, entryDate.get());
            if (orders.isEmpty()) {
                return null;
            }
            return "its goods, HTS " + Fields.shown(hts) + " from " + Fields.shown(origin)
                    + ", are within the scope of "
                    + orders.stream()
                            .map(o -> o.formattedCaseNumber() + " (" + o.product() + " from " + o.country() + ")")
                            .collect(Collectors.joining(" and "))
                    + ".";
        }

        /** A line's HTS number without the dots of the printed schedule, or null when it gives none. */
        private static String hts(Line line) {
            return Fields.isBlank(line.htsNumber())
                    ? null
                    : line.htsNumber().trim().replace(".", "");
        }

        /** A line's country of origin in capitals, or null when it gives none. */
        private static String origin(Line line) {
            return Fields.isBlank(line.countryOfOrigin()) ? null : Fields.upper(line.countryOfOrigin());
        }

        static String normalise(String caseNumber) {
            return caseNumber.trim().replace("-", "").toUpperCase();
        }

        /**
         * A warning when a line declares an order on file whose scope, as CBP finds goods in it (the order's HTS
         * prefixes and country), does not hold the line's goods: the case number may be mistaken, or the goods in scope
         * by a ruling the prefixes do not show, so the summary is accepted and the filer told.
         */
        private static void outsideScope(Line line, int label, String caseNumber, Context context, Findings findings) {
            Optional<AdcvdOrder> order = context.codes().adcvdOrder(caseNumber);
            String hts = hts(line);
            String origin = origin(line);
            if (order.isEmpty() || hts == null || origin == null || order.get().covers(hts, origin)) {
                return;
            }
            AdcvdOrder o = order.get();
            findings.warn(
                    label,
                    "ADCVD_CASE_OUTSIDE_SCOPE",
                    "Line " + label + " declares AD/CVD case " + o.formattedCaseNumber() + " (" + o.product() + " from "
                            + o.country() + ", HTS " + String.join(", ", o.htsPrefixes()) + "), but its goods are HTS "
                            + Fields.shown(hts) + " from " + Fields.shown(origin)
                            + ": check the case number; goods the order's written scope"
                            + " or a scope ruling holds are entered under it all the same.");
        }
    }

    /** Declared header totals equal the sums of the lines. */
    static final class Totals implements SummaryPolicy {
        @Override
        public void check(SubmittedEntrySummary s, Context context, Findings findings) {
            total(
                    s,
                    s.totalEnteredValue(),
                    "totalEnteredValue",
                    "entered value",
                    List.of(Line::enteredValue),
                    findings);
            total(s, s.totalDuty(), "totalDuty", "duty", List.of(Line::dutyAmount), findings);
            if (!Fields.isBlank(s.totalFees())) {
                Optional<BigDecimal> declared = Fields.decimal(s.totalFees());
                Optional<BigDecimal> sum = s.lines().stream()
                        .flatMap(line -> line.fees().stream())
                        .map(fee -> Fields.decimal(fee.amount()))
                        .reduce(Optional.of(BigDecimal.ZERO), (a, b) -> a.flatMap(x -> b.map(x::add)));
                if (declared.isPresent() && sum.isPresent() && declared.get().compareTo(sum.get()) != 0) {
                    findings.header(
                            "totalFees",
                            "TOTALS_MISMATCH",
                            "The declared total fees " + Fields.shown(s.totalFees())
                                    + " differ from the sum of the line fees "
                                    + Fields.shown(sum.get().toPlainString()) + ".");
                }
            }
        }

        private static void total(
                SubmittedEntrySummary s,
                String declaredText,
                String field,
                String what,
                List<Function<Line, String>> parts,
                Findings findings) {
            if (Fields.isBlank(declaredText)) {
                return;
            }
            Optional<BigDecimal> declared = Fields.decimal(declaredText);
            Optional<BigDecimal> sum = Optional.of(BigDecimal.ZERO);
            for (Line line : s.lines()) {
                for (Function<Line, String> part : parts) {
                    Optional<BigDecimal> value = Fields.decimal(part.apply(line));
                    sum = sum.flatMap(x -> value.map(x::add));
                }
            }
            if (declared.isPresent() && sum.isPresent() && declared.get().compareTo(sum.get()) != 0) {
                findings.header(
                        field,
                        "TOTALS_MISMATCH",
                        "The declared total " + what + " " + Fields.shown(declaredText)
                                + " differs from the sum of the lines "
                                + Fields.shown(sum.get().toPlainString()) + ".");
            }
        }
    }

    /**
     * An informal entry (types 11 and 12) is for a shipment valued at no more than the informal entry limit in force on
     * its entry date (19 U.S.C. 1498(a)(1), 19 CFR 143.21(a): $2,500 since 7 January 2013); a shipment valued above it
     * must be entered formally. The value is the sum of the lines' entered values, which the totals must agree with.
     */
    static final class InformalEntryLimit implements SummaryPolicy {
        @Override
        public void check(SubmittedEntrySummary s, Context context, Findings findings) {
            if (Fields.isBlank(s.entryType())) {
                return;
            }
            Optional<EntryType> type = context.codes().entryType(s.entryType().trim());
            Optional<LocalDate> entryDate = Fields.date(s.entryDate());
            if (type.isEmpty() || !type.get().isInformal() || entryDate.isEmpty()) {
                return;
            }
            Optional<ValueLimit> limit = context.codes().informalEntryLimit(entryDate.get());
            Optional<BigDecimal> value = Optional.of(BigDecimal.ZERO);
            for (Line line : s.lines()) {
                Optional<BigDecimal> lineValue = Fields.decimal(line.enteredValue());
                value = value.flatMap(sum -> lineValue.map(sum::add));
            }
            if (limit.isEmpty()
                    || value.isEmpty()
                    || value.get().compareTo(limit.get().amount().amount()) <= 0) {
                return;
            }
            findings.header(
                    "entryType",
                    "INFORMAL_ENTRY_OVER_LIMIT",
                    String.format(
                            Locale.US,
                            "Entry type %s (%s) is for a shipment valued at no more than $%,.2f on its entry date %s"
                                    + " (%s); this summary's lines are valued at $%,.2f: enter the shipment"
                                    + " formally (type 01, or the formal type its goods call for).",
                            type.get().code(),
                            type.get().name(),
                            limit.get().amount().amount(),
                            entryDate.get(),
                            limit.get().source(),
                            value.get()));
        }
    }
}
