package io.centerline.entries.intake;

import io.centerline.entries.IntakeError;
import io.centerline.entries.SubmittedEntrySummary;
import io.centerline.entries.intake.AeLayout.Adcvd53;
import io.centerline.entries.intake.AeLayout.Bond31;
import io.centerline.entries.intake.AeLayout.Description44;
import io.centerline.entries.intake.AeLayout.Fees62;
import io.centerline.entries.intake.AeLayout.Header10;
import io.centerline.entries.intake.AeLayout.Header11;
import io.centerline.entries.intake.AeLayout.Line40;
import io.centerline.entries.intake.AeLayout.Party47;
import io.centerline.entries.intake.AeLayout.Tariff50;
import io.centerline.entries.intake.AeLayout.Totals90;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One AE transaction being read: the records from a 10 up to the next 10 or envelope record, which describe one entry
 * summary. It becomes a {@link ReadRecord.Parsed} summary when its records stand in a readable order, or a
 * {@link ReadRecord.Unreadable} listing every structural problem found (up to {@value #MAX_ERRORS}).
 */
final class AeTransaction {

    static final String RECORD_LENGTH = "CATAIR_RECORD_LENGTH";
    static final String RECORD_ORDER = "CATAIR_RECORD_ORDER";
    static final String UNKNOWN_RECORD = "CATAIR_UNKNOWN_RECORD";
    static final String MISSING_RECORD = "CATAIR_MISSING_RECORD";
    static final String REPEATED_RECORD = "CATAIR_REPEATED_RECORD";
    static final String TOO_MANY_RECORDS = "CATAIR_TOO_MANY_RECORDS";
    static final String ACTION_CODE = "CATAIR_ACTION_CODE";
    static final String ENVELOPE = "CATAIR_ENVELOPE";
    static final String IMPORT_DATE_AFTER_ENTRY = "IMPORT_DATE_AFTER_ENTRY";
    static final String DATE_IN_FUTURE = "DATE_IN_FUTURE";

    /**
     * The most records a transaction is read with: room for 999 lines (line numbers 1 to 999) of twenty records each.
     * Records past it are counted, not read, so that a transaction never closed holds no more memory than a large one.
     */
    static final int MAX_RECORDS = 20_000;

    private static final int MAX_ERRORS = 100;
    private static final Set<String> SKIPPED_HEADER_RECORDS =
            Set.of("20", "21", "22", "23", "30", "32", "33", "34", "35", "36", "88", "89", "SE", "CW", "OI");
    private static final Set<String> SKIPPED_LINE_RECORDS =
            Set.of("41", "42", "43", "51", "52", "54", "60", "61", "63");

    private final int position;
    private final long firstFileLine;
    private final boolean opened;
    /** The business date the transaction is received on, its summary date, since no AE record carries one. */
    private final LocalDate receivedOn;

    private final List<IntakeError> errors = new ArrayList<>();
    private final List<SubmittedEntrySummary.Line> lines = new ArrayList<>();

    private String filerCode;
    private String entryNumber;
    private String entryType;
    private String portOfEntry;
    private String modeOfTransport;
    private String postSummaryCorrection;
    private String importerNumber;
    private String entryDate;
    private String bondType;
    private String totalDuty;
    private String totalFees;
    private boolean headerContentRead;
    private boolean bondRead;
    private boolean totalsRead;
    private LineDraft line;
    private long records;

    private AeTransaction(int position, long firstFileLine, boolean opened, LocalDate receivedOn) {
        this.position = position;
        this.firstFileLine = firstFileLine;
        this.opened = opened;
        this.receivedOn = receivedOn;
    }

    /**
     * The B block control record of the envelope that transactions stand in: the filer whose transactions the block
     * holds (positions 6–8) and the application they are filed under (9–10), which for entry summaries is AE.
     */
    record Block(long fileLine, String filer, String application) {

        static final String ENTRY_SUMMARY = "AE";

        static Block of(AeLines.Line line) {
            AeRecord record = new AeRecord(line.text());
            return new Block(
                    line.number(), record.text(AeLayout.Envelope.FILER), record.text(AeLayout.Envelope.APPLICATION));
        }
    }

    /**
     * A transaction opened by its 10 record, in a file received on a business date, in the block a B record opened
     * (null outside any block).
     */
    static AeTransaction opening(int position, AeLines.Line header, LocalDate receivedOn, Block block) {
        AeTransaction transaction = new AeTransaction(position, header.number(), true, receivedOn);
        transaction.accept(header, "10");
        transaction.standIn(block);
        return transaction;
    }

    /** A run of records that no 10 record opened, in a block or none; it can only be reported. */
    static AeTransaction stray(int position, AeLines.Line first, String type, LocalDate receivedOn, Block block) {
        AeTransaction transaction = new AeTransaction(position, first.number(), false, receivedOn);
        transaction.error(
                RECORD_ORDER,
                type,
                "File line " + first.number() + ": record " + type + " comes before any 10 header control record");
        transaction.accept(first, type);
        transaction.standIn(block);
        return transaction;
    }

    /**
     * The records from one after the Z trailer that ends the file: a transaction when a 10 record opens them, else a
     * run of records of their own, envelope records among them; either is refused, since nothing after the Z is part
     * of the file.
     */
    static AeTransaction afterTrailer(
            int position, AeLines.Line first, String type, LocalDate receivedOn, long trailerLine) {
        AeTransaction transaction = new AeTransaction(position, first.number(), type.equals("10"), receivedOn);
        transaction.error(
                RECORD_ORDER,
                type,
                "File line " + first.number() + ": record " + type + " comes after the Z trailer record on file line "
                        + trailerLine + ", which ends the file; nothing after it is read");
        transaction.accept(first, type);
        return transaction;
    }

    /** Whether a 10 record opened the transaction. */
    boolean isOpened() {
        return opened;
    }

    /**
     * Checks the transaction against the B record of its block: the block is for application AE, as every entry
     * summary is, and it holds the transactions of its filer, so a 10 record gives the filer code its B record does
     * (in capitals or not).
     */
    private void standIn(Block block) {
        if (block == null) {
            return;
        }
        if (!Block.ENTRY_SUMMARY.equals(block.application())) {
            error(
                    ENVELOPE,
                    "B",
                    "File line " + firstFileLine + ": the records that start here stand in the block of the B block"
                            + " control record on file line " + block.fileLine() + ", whose application identifier"
                            + " (positions 9-10) is "
                            + (block.application() == null ? "blank" : "'" + block.application() + "'")
                            + "; entry summaries are filed in blocks of application AE");
        }
        if (opened && filerCode != null && !filerCode.equalsIgnoreCase(nonNull(block.filer()))) {
            error(
                    ENVELOPE,
                    "10",
                    "File line " + firstFileLine + ": the filer code '" + filerCode + "' of record 10 (positions 4-6)"
                            + (block.filer() == null
                                    ? " stands in the block of the B block control record on file line "
                                            + block.fileLine() + ", which gives no filer code (positions 6-8)"
                                    : " differs from the filer code '" + block.filer()
                                            + "' of the B block control record on file line " + block.fileLine()
                                            + " (positions 6-8)")
                            + "; a block holds the transactions of its filer only");
        }
    }

    void accept(AeLines.Line physical, String type) {
        if (++records > MAX_RECORDS) {
            return;
        }
        AeRecord record = new AeRecord(physical.text());
        long fileLine = physical.number();
        if (physical.length() > AeLayout.RECORD_LENGTH) {
            error(
                    RECORD_LENGTH,
                    type,
                    "File line " + fileLine + ": record " + type + " is " + physical.length()
                            + " characters long; AE records have " + AeLayout.RECORD_LENGTH);
        }
        if (totalsRead) {
            error(
                    RECORD_ORDER,
                    type,
                    "File line " + fileLine + ": record " + type + " comes after the 90 grand totals record");
        }
        switch (type) {
            case "10" -> readHeaderControl(record, fileLine);
            case "11" -> readHeaderContent(record, fileLine);
            case "31" -> readBond(record, fileLine);
            case "40" -> startLine(record);
            case "44", "47", "50", "53", "62" -> {
                if (requireLine(type, fileLine)) {
                    readLineRecord(type, record, fileLine);
                }
            }
            case "90" -> readTotals(record);
            // only records after the Z trailer, which are refused as they are read
            case "A", "B", "Y", "Z" -> {}
            default -> {
                if (SKIPPED_LINE_RECORDS.contains(type)) {
                    requireLine(type, fileLine);
                } else if (!SKIPPED_HEADER_RECORDS.contains(type)) {
                    error(
                            UNKNOWN_RECORD,
                            type,
                            "File line " + fileLine + ": record type '" + type + "' is not an AE record");
                }
            }
        }
    }

    /**
     * The file ended inside this transaction while an envelope awaited its trailer: the block of a B record its Y (when
     * {@code block} is not null), the file an A record opened its Z (when {@code senderLine}, the A's file line, is not
     * 0). The file was cut short, and the transaction may have lost lines.
     */
    void cutShort(Block block, long senderLine) {
        String blockTrailer = block == null
                ? null
                : "the Y trailer of the block the B record on file line " + block.fileLine() + " opens";
        String fileTrailer =
                senderLine == 0 ? null : "the Z trailer of the file the A record on file line " + senderLine + " opens";
        errors.add(IntakeError.header(
                block == null ? "record Z" : "record Y",
                MISSING_RECORD,
                "File line " + firstFileLine + ": the file ends inside the transaction that starts here, before "
                        + (blockTrailer == null
                                ? fileTrailer
                                : fileTrailer == null ? blockTrailer : blockTrailer + " and " + fileTrailer)
                        + "; the file was cut short, and the transaction may have lost lines"
                        + (fileTrailer == null ? "" : ", as the file may have lost transactions after it")));
    }

    ReadRecord finish() {
        closeLine();
        if (records > MAX_RECORDS) {
            error(
                    TOO_MANY_RECORDS,
                    "10",
                    "File line " + firstFileLine + ": the transaction that starts here has " + records
                            + " records; a summary is read from at most " + MAX_RECORDS
                            + " (999 lines of twenty records each)");
        }
        if (opened && !headerContentRead) {
            error(
                    MISSING_RECORD,
                    "11",
                    "File line " + firstFileLine
                            + ": the transaction that starts here has no 11 header content record");
        }
        if (!errors.isEmpty()) {
            return new ReadRecord.Unreadable(position, entryNumber, List.copyOf(errors), firstFileLine);
        }
        return new ReadRecord.Parsed(
                position,
                new SubmittedEntrySummary(
                        entryNumber,
                        entryType,
                        importerNumber,
                        portOfEntry,
                        entryDate,
                        receivedOn.toString(),
                        modeOfTransport,
                        bondType,
                        postSummaryCorrection,
                        null,
                        totalDuty,
                        totalFees,
                        lines),
                true,
                firstFileLine);
    }

    /**
     * Reads the 10 record. Its action code says what the filer asks for: A adds a summary and R replaces one sent
     * before, both read as a filing (an identical one is a duplicate, a different one a conflict unless flagged as a
     * post-summary correction); D, deleting a summary, is not something intake does, since every accepted version is
     * kept.
     */
    private void readHeaderControl(AeRecord record, long fileLine) {
        String action = record.text(Header10.ACTION);
        if ("D".equals(action)) {
            error(
                    ACTION_CODE,
                    "10",
                    "File line " + fileLine + ": action code D asks to delete an entry summary; every accepted version"
                            + " is kept, so a summary is changed by a post-summary correction and never deleted");
        } else if (!"A".equals(action) && !"R".equals(action)) {
            error(
                    ACTION_CODE,
                    "10",
                    "File line " + fileLine + ": "
                            + (action == null ? "no action code" : "'" + action + "' is not an action code")
                            + "; the 10 record takes A (add) or R (replace) in position 3");
        }
        filerCode = record.text(Header10.FILER);
        String entry = record.text(Header10.ENTRY);
        entryNumber = filerCode == null && entry == null ? null : nonNull(filerCode) + nonNull(entry);
        portOfEntry = record.text(Header10.PORT);
        entryType = record.text(Header10.ENTRY_TYPE);
        modeOfTransport = record.text(Header10.MODE_OF_TRANSPORT);
        postSummaryCorrection = String.valueOf("Y".equals(record.text(Header10.POST_SUMMARY_CORRECTION)));
    }

    private void readHeaderContent(AeRecord record, long fileLine) {
        if (headerContentRead) {
            error(REPEATED_RECORD, "11", "File line " + fileLine + ": a second 11 header content record");
            return;
        }
        if (line != null || !lines.isEmpty()) {
            error(RECORD_ORDER, "11", "File line " + fileLine + ": record 11 comes after a 40 line record");
        }
        headerContentRead = true;
        importerNumber = record.text(Header11.IMPORTER);
        entryDate = date(record, Header11.ENTRY_DATE, "entryDate", "entry date", fileLine);
        String importDate = date(record, Header11.IMPORT_DATE, "importDate", "import date", fileLine);
        importedBeforeEntry(importDate, entryDate, fileLine);
        enteredByReceipt(record.text(Header11.ENTRY_DATE), entryDate, fileLine);
    }

    /**
     * The estimated entry date falls on or before the business date the transaction is received on: the transaction is
     * an entry summary filed that day, and its summary date is never before its entry date. Checked here, where the
     * six digits the date was read from are known, so that the filer learns which date they read as (MMDDYY in the
     * years 2000 to 2099) and is not told of a summary date the file never gave.
     */
    private void enteredByReceipt(String written, String entryDate, long fileLine) {
        Optional<LocalDate> entered = isoDate(entryDate);
        if (entered.isPresent() && entered.get().isAfter(receivedOn) && errors.size() < MAX_ERRORS) {
            errors.add(IntakeError.header(
                    "entryDate",
                    DATE_IN_FUTURE,
                    "File line " + fileLine + ": the estimated entry date '" + written + "' in record 11 (positions"
                            + " 42-47), MMDDYY in the years 2000 to 2099, reads as " + entered.get() + ", after "
                            + receivedOn + ", the business date the transaction is received on; an AE transaction is"
                            + " an entry summary filed on the day it is received, which is never before its entry"
                            + " date"));
        }
    }

    /**
     * The import date, the day the goods arrived, falls on or before the estimated entry date: goods are entered once
     * they have arrived. The summary keeps no import date, so it is checked here, as the record is read; a date that
     * is missing or no date is left to the other checks.
     */
    private void importedBeforeEntry(String importDate, String entryDate, long fileLine) {
        Optional<LocalDate> imported = isoDate(importDate);
        Optional<LocalDate> entered = isoDate(entryDate);
        if (imported.isPresent()
                && entered.isPresent()
                && imported.get().isAfter(entered.get())
                && errors.size() < MAX_ERRORS) {
            errors.add(IntakeError.header(
                    "importDate",
                    IMPORT_DATE_AFTER_ENTRY,
                    "File line " + fileLine + ": the import date " + imported.get() + " in record 11 (positions"
                            + " 48-53), the day the goods arrived, is after the estimated entry date " + entered.get()
                            + " (positions 42-47); goods are entered on or after the day they arrive"));
        }
    }

    private static Optional<LocalDate> isoDate(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A date of the 11 record, which AE writes as MMDDYY; one that is no such date is reported in those terms. */
    private String date(AeRecord record, AeLayout.Field field, String name, String words, long fileLine) {
        String written = record.text(field);
        String date = record.date(field);
        if (written != null && written.equals(date) && errors.size() < MAX_ERRORS) {
            errors.add(IntakeError.header(
                    name,
                    "DATE_FORMAT",
                    "File line " + fileLine + ": the " + words + " '" + written + "' in record 11 is not a date in"
                            + " the form MMDDYY"));
        }
        return date;
    }

    private void readBond(AeRecord record, long fileLine) {
        if (bondRead) {
            error(REPEATED_RECORD, "31", "File line " + fileLine + ": a second 31 bond record");
            return;
        }
        bondRead = true;
        bondType = record.text(Bond31.TYPE);
    }

    private void startLine(AeRecord record) {
        closeLine();
        line = new LineDraft();
        line.lineNumber = lineNumber(record.text(Line40.LINE_ID));
        line.countryOfOrigin = record.text(Line40.COUNTRY_OF_ORIGIN);
        line.countryOfExport = record.text(Line40.COUNTRY_OF_EXPORT);
        line.grossWeightKg = record.whole(Line40.GROSS_WEIGHT);
        line.relatedParty = record.flag(Line40.RELATED_PARTY);
    }

    private void readLineRecord(String type, AeRecord record, long fileLine) {
        switch (type) {
            case "44" -> {
                String text = record.text(Description44.TEXT);
                if (text != null) {
                    line.description = line.description == null ? text : line.description + " " + text;
                }
            }
            case "47" -> {
                if (Party47.MANUFACTURER.equals(record.text(Party47.TYPE))) {
                    if (line.manufacturerRead) {
                        error(REPEATED_RECORD, "47", "File line " + fileLine + ": a second 47 manufacturer record");
                    }
                    line.manufacturerRead = true;
                    line.manufacturerId = record.text(Party47.IDENTIFIER);
                }
            }
            case "50" ->
                line.add(new Tariff(
                        record.text(Tariff50.HTS),
                        record.scaled(Tariff50.DUTY, 2),
                        record.whole(Tariff50.VALUE),
                        record.quantity(Tariff50.QUANTITY, 2),
                        record.text(Tariff50.UNIT)));
            case "53" -> {
                if (line.adcvdRead) {
                    error(REPEATED_RECORD, "53", "File line " + fileLine + ": a second 53 AD/CVD record");
                }
                line.adcvdRead = true;
                line.adcvdCaseNumber = record.text(Adcvd53.CASE_NUMBER);
                line.adcvdDeposit = record.scaled(Adcvd53.DEPOSIT, 2);
            }
            case "62" -> {
                for (int pair = 0; pair < Fees62.PAIRS; pair++) {
                    String classCode = record.text(Fees62.classCode(pair));
                    String amount = record.scaled(Fees62.amount(pair), 2);
                    if (classCode != null || amount != null) {
                        line.fees.add(new SubmittedEntrySummary.Fee(classCode, amount));
                    }
                }
            }
            default -> throw new IllegalStateException("record " + type + " is not a line record");
        }
    }

    private void readTotals(AeRecord record) {
        totalsRead = true;
        totalDuty = record.scaled(Totals90.DUTY, 2);
        totalFees = record.scaled(Totals90.FEES, 2);
    }

    private boolean requireLine(String type, long fileLine) {
        if (line == null) {
            error(
                    RECORD_ORDER,
                    type,
                    "File line " + fileLine + ": record " + type + " comes before any 40 line record");
            return false;
        }
        return true;
    }

    private void closeLine() {
        if (line != null) {
            lines.add(line.toLine());
            line = null;
        }
    }

    private void error(String code, String recordType, String message) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(IntakeError.line(currentLineNumber(), "record " + recordType, code, message));
        }
    }

    private Integer currentLineNumber() {
        if (line == null || line.lineNumber == null || !AeRecord.isDigits(line.lineNumber)) {
            return null;
        }
        return line.lineNumber.length() > 9 ? null : Integer.valueOf(line.lineNumber);
    }

    private static String lineNumber(String lineId) {
        if (lineId == null || !AeRecord.isDigits(lineId)) {
            return lineId;
        }
        int first = 0;
        while (first < lineId.length() - 1 && lineId.charAt(first) == '0') {
            first++;
        }
        return lineId.substring(first);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /** The fields of one 50 record. */
    private record Tariff(String htsNumber, String duty, String value, String quantity, String unit) {

        boolean isSpecialProvision() {
            return htsNumber != null && (htsNumber.startsWith("98") || htsNumber.startsWith("99"));
        }
    }

    /**
     * A line item being read. Its primary 50 record is the first whose number is not in chapter 98 or 99; every other
     * 50 record that carries a number adds an additional number. A line with no such primary takes its first chapter
     * 98/99 record as primary, so that validation refuses the classification. The line's value, quantity and unit are
     * its primary's; its duty is the sum of the duty of all its 50 records, since the duty owed under a chapter 99
     * provision (Section 232 or 301, say) is declared on that provision's own 50 record.
     */
    private static final class LineDraft {
        private String lineNumber;
        private String countryOfOrigin;
        private String countryOfExport;
        private String grossWeightKg;
        private String relatedParty;
        private String description;
        private String manufacturerId;
        private boolean manufacturerRead;
        private String adcvdCaseNumber;
        private String adcvdDeposit;
        private boolean adcvdRead;
        private Tariff primary;
        private Tariff firstSpecial;
        private final List<String> additionalHtsNumbers = new ArrayList<>();
        private final List<SubmittedEntrySummary.Fee> fees = new ArrayList<>();
        /** The duty of every 50 record of the line that gives one, in the order of the records. */
        private final List<String> duties = new ArrayList<>();

        void add(Tariff tariff) {
            if (tariff.duty() != null) {
                duties.add(tariff.duty());
            }
            if (primary == null && !tariff.isSpecialProvision()) {
                primary = tariff;
                return;
            }
            if (tariff.htsNumber() == null) {
                return;
            }
            if (firstSpecial == null && tariff.isSpecialProvision()) {
                firstSpecial = tariff;
            }
            additionalHtsNumbers.add(tariff.htsNumber());
        }

        SubmittedEntrySummary.Line toLine() {
            Tariff tariff = primary;
            List<String> additional = additionalHtsNumbers;
            if (tariff == null && firstSpecial != null) {
                tariff = firstSpecial;
                additional = additionalHtsNumbers.subList(1, additionalHtsNumbers.size());
            }
            if (tariff == null) {
                tariff = new Tariff(null, null, null, null, null);
            }
            return new SubmittedEntrySummary.Line(
                    lineNumber,
                    tariff.htsNumber(),
                    additional,
                    countryOfOrigin,
                    countryOfExport,
                    manufacturerId,
                    description,
                    tariff.value(),
                    tariff.quantity(),
                    tariff.unit(),
                    grossWeightKg,
                    relatedParty,
                    duty(),
                    adcvdCaseNumber,
                    adcvdDeposit,
                    fees);
        }

        /**
         * The line's duty: the sum of the duty its 50 records give, with two decimals, or null when none gives one.
         * A duty that is not a plain decimal (junk, or a negative amount, read with its implied decimals) is passed on
         * as it reads, for validation to report, rather than hidden in a sum.
         */
        private String duty() {
            if (duties.isEmpty()) {
                return null;
            }
            BigDecimal sum = BigDecimal.ZERO.setScale(2);
            for (String duty : duties) {
                if (!isPlainDecimal(duty)) {
                    return duty;
                }
                sum = sum.add(new BigDecimal(duty));
            }
            return sum.toPlainString();
        }

        private static boolean isPlainDecimal(String text) {
            int point = text.indexOf('.');
            return point < 0
                    ? AeRecord.isDigits(text)
                    : AeRecord.isDigits(text.substring(0, point)) && AeRecord.isDigits(text.substring(point + 1));
        }
    }
}
