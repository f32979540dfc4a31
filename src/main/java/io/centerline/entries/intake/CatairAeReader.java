package io.centerline.entries.intake;

import io.centerline.entries.IntakeError;
import io.centerline.platform.RefusedInput;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Reads ABI CATAIR "AE" (Entry Summary Create/Update) files of 80-character fixed-width records, one entry summary per
 * transaction, in constant memory whatever the file's size.
 *
 * <p>A file is an envelope (A sender, B block, then Y and Z trailers; all optional and not carried into the
 * summaries) around transactions. A transaction starts at a 10 record and ends before the next 10 or envelope record.
 * Transactions are numbered from 1 in file order, readable or not; records before any 10 that are not envelope records
 * form a transaction of their own that is reported as unreadable.
 *
 * <p>A B record opens a block of one filer's transactions under one application, up to its Y: a transaction in a block
 * whose application identifier (positions 9–10) is not AE, or whose 10 record gives a filer code (4–6) other than its
 * B record's (6–8), is unreadable ({@code CATAIR_ENVELOPE}, naming both records and their positions). Transactions
 * outside any block, as in a file without an envelope, are read as they are. A Z record ends the file: every record
 * after it is refused ({@code CATAIR_RECORD_ORDER}, naming the Z), a transaction opened there by its 10 record as
 * unreadable as a whole, and any other records, envelope records among them, as a run of their own. A file an A record
 * opens is closed by its Z only, whatever Y records close its blocks: one that ends without it, outside any transaction,
 * may have lost whole transactions after its last record, and is reported as a record of its own after its
 * transactions ({@code CATAIR_MISSING_RECORD}, field {@code record Z}, starting on the A's file line, with no entry
 * number), while the transactions it holds are read as they stand.
 *
 * <p>Field mapping (positions 1-based, see {@link AeLayout}):
 *
 * <ul>
 *   <li>10: filer code (4–6) followed by entry number (9–16) is {@code entryNumber}, 11 characters without dashes;
 *       port (18–21); entry type (34–35); mode of transport (36–37); post-summary correction (65) "Y" is "true",
 *       anything else "false".
 *   <li>11: importer number (3–14); the estimated entry date (42–47) is {@code entryDate}, MMDDYY read as
 *       {@code yyyy-MM-dd} in the years 2000–2099. The import date (48–53), the day the goods arrived, is read the same
 *       way and must fall on or before the entry date ({@code IMPORT_DATE_AFTER_ENTRY}); the summary has no field for
 *       it, so it is checked here and not kept.
 *   <li>No record carries a summary date: an AE transaction is an entry summary filed when it is received, so its
 *       {@code summaryDate} is the business date of receipt the reader is given, and it is read as
 *       {@link ReadRecord.Parsed#datedOnReceipt() dated on receipt}.
 *   <li>31: bond type code (3), "8", "9" or "0"; without a 31 record the bond type is null.
 *   <li>40 opens a line: line id (5–7) without leading zeros; countries of origin (9–10) and export (11–12); gross
 *       weight (42–51) in whole kilograms; related party (56) Y/N as "true"/"false", a blank as not declared (null),
 *       which validation refuses, never as "false".
 *   <li>44: description (3–72); several 44 records are joined with a space. 47 of party type M (3): manufacturer id
 *       (4–18).
 *   <li>50: HTS number (3–12), duty (14–23, cents), value (25–34, whole dollars), quantity (36–47, hundredths) and unit
 *       (48–50). The first number outside chapters 98 and 99 is the line's classification with its value, quantity
 *       and unit; every other number is an additional number, of which the number and the duty are kept. The line's
 *       duty is the sum of the duty of all its 50 records, the classification's and its additional numbers': the duty
 *       owed under a chapter 99 provision (Section 232 or 301) is declared on that provision's own 50 record. It is
 *       null only when no 50 record of the line gives a duty. A line with only chapter 98/99 numbers takes the first
 *       of them as its classification, which validation then refuses.
 *   <li>53: AD/CVD case number (3–12) and deposit (47–56, cents). 62: up to six pairs of fee class code and amount in
 *       cents (3–5/6–15, 16–18/19–28, ..., 68–70/71–80); blank pairs are ignored.
 *   <li>90: total duty (3–14, cents) and total user fees (15–26, cents). The total entered value is not carried.
 *   <li>41–43, 20–23, 30, 32–36, 51, 52, 54, 60, 61, 63, 88, 89 and the SE, CW and OI records are skipped.
 * </ul>
 *
 * <p>Canonical text forms: dates {@code yyyy-MM-dd}; duty, deposits, fees and totals as decimal strings with two
 * places ({@code 1234.50}); entered values as whole dollars without decimals ({@code 125000}); quantities as plain
 * decimals without trailing zeros ({@code 12.5}); weights and line numbers as whole numbers without leading zeros;
 * indicators as "true"/"false". A blank field reads as null. An amount or quantity written with a minus sign before
 * its digits reads with its implied decimals too ({@code -000052450} in a duty field is -524.50), for validation to
 * refuse as negative. Other content that is not what its field should hold (a duty of {@code 12A4}, a date of
 * {@code 133125}) is passed on as its trimmed text for validation to report.
 *
 * <p>Structural problems make the whole transaction a {@link ReadRecord.Unreadable}, with errors naming the physical
 * file line: a record longer than 80 characters ({@code CATAIR_RECORD_LENGTH}; shorter records read as padded with
 * spaces, and blanks past column 80 are no part of a record), a record out of order such as a line record before any 40 or any record after the 90
 * ({@code CATAIR_RECORD_ORDER}), an unknown record type ({@code CATAIR_UNKNOWN_RECORD}), a missing 11
 * ({@code CATAIR_MISSING_RECORD}) or a second 11, 31, 47 manufacturer or 53 where only one can be held
 * ({@code CATAIR_REPEATED_RECORD}). Reading goes on with the next transaction. A transaction still open when the file
 * ends while an envelope awaits its trailer, the block of a B record its Y or the file of an A record its Z, is
 * {@code CATAIR_MISSING_RECORD} (naming the trailers it awaits): the file was cut short, and the transaction may have
 * lost lines. The 11 record's dates make the transaction unreadable too when they are no dates ({@code DATE_FORMAT}),
 * when the import date, which only the record holds, falls after the entry date ({@code IMPORT_DATE_AFTER_ENTRY}), or
 * when the entry date falls after the business date of receipt, the transaction's summary date ({@code DATE_IN_FUTURE},
 * naming the six digits and the date they read as, and no summary date, which the file does not give).
 */
public final class CatairAeReader implements SummaryReader {

    private final AeLines lines;
    private final LocalDate receivedOn;
    private AeLines.Line held;
    /**
     * The file line of the A record that opened the file, while no Z has closed it (0 without one): only the Z closes
     * the file, whatever Y records close its blocks.
     */
    private long senderLine;
    /** The B record whose block the records being read stand in, up to its Y, or null outside any block. */
    private AeTransaction.Block block;
    /** The file line of the last record read, blank lines aside. */
    private long lastLine;
    /** The file line of the Z trailer that ends the file, or 0 while none has been read. */
    private long trailerLine;

    private ReadRecord next;
    private int position;

    /** A reader of a file received on a business date, which is the summary date of every transaction in it. */
    public CatairAeReader(Reader in, LocalDate receivedOn) {
        this.lines = new AeLines(in);
        this.receivedOn = Objects.requireNonNull(receivedOn, "receivedOn");
        this.held = refusedIfNotText(nextLine());
    }

    /**
     * The file's first line, once it shows the file is text in a single-byte form: a file saved as UTF-16 or UTF-32 and
     * read as UTF-8 holds a NUL beside every letter (and its byte order mark reads as two replacement characters), so
     * that every record would be refused for its type or length without a word of the encoding. Such a file is refused
     * whole ({@code CATAIR_ENCODING}) before any transaction is read.
     */
    private static AeLines.Line refusedIfNotText(AeLines.Line first) {
        if (first != null
                && (first.text().indexOf('\u0000') >= 0 || first.text().startsWith("\uFFFD\uFFFD"))) {
            throw new RefusedInput(
                    "CATAIR_ENCODING",
                    "The AE file's first record holds NUL characters or starts with the byte order mark of UTF-16 or"
                            + " UTF-32, as a file saved in one of those encodings does: CATAIR records are 80"
                            + " characters of ASCII text; send the file as ASCII or UTF-8");
        }
        return first;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = readTransaction();
        }
        return next != null;
    }

    @Override
    public ReadRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more transactions in the AE file");
        }
        ReadRecord record = next;
        next = null;
        return record;
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ReadRecord readTransaction() {
        AeTransaction transaction = null;
        while (true) {
            AeLines.Line line = nextLine();
            if (line == null) {
                return atEnd(transaction);
            }
            if (line.text().isBlank() && line.length() <= AeLayout.RECORD_LENGTH) {
                continue;
            }
            lastLine = line.number();
            String type = AeRecord.typeOf(line.text());
            if (trailerLine > 0) {
                if (transaction == null) {
                    transaction = AeTransaction.afterTrailer(++position, line, type, receivedOn, trailerLine);
                } else if (type.equals("10") || isEnvelope(type) && transaction.isOpened()) {
                    held = line;
                    return transaction.finish();
                } else {
                    transaction.accept(line, type);
                }
            } else if (isEnvelope(type)) {
                enter(type, line);
                if (transaction != null) {
                    return transaction.finish();
                }
            } else if (type.equals("10")) {
                if (transaction != null) {
                    held = line;
                    return transaction.finish();
                }
                transaction = AeTransaction.opening(++position, line, receivedOn, block);
            } else if (transaction == null) {
                transaction = AeTransaction.stray(++position, line, type, receivedOn, block);
            } else {
                transaction.accept(line, type);
            }
        }
    }

    /**
     * Follows the envelope: an A record opens the file, a B record opens the block its transactions stand in, a Y
     * closes the block (as an A does, opening the file), and a Z closes the file and ends it.
     */
    private void enter(String type, AeLines.Line line) {
        block = type.equals("B") ? AeTransaction.Block.of(line) : null;
        if (type.equals("A")) {
            senderLine = line.number();
        } else if (type.equals("Z")) {
            senderLine = 0;
            trailerLine = line.number();
        }
    }

    /**
     * What the end of the file leaves to report. A transaction it ends inside while an envelope awaits its trailer (the
     * Y of a block, the Z of a file an A opened) was cut short and is refused. A file an A opened that ends outside any
     * transaction without its Z may have lost whole transactions after its last record, so the file is reported once,
     * as a record of its own after its transactions, which are read as they stand.
     */
    private ReadRecord atEnd(AeTransaction transaction) {
        if (transaction != null) {
            if (senderLine > 0 || block != null) {
                transaction.cutShort(block, senderLine);
            }
            senderLine = 0;
            block = null;
            return transaction.finish();
        }
        if (senderLine > 0) {
            long opened = senderLine;
            senderLine = 0;
            return new ReadRecord.Unreadable(
                    ++position,
                    null,
                    List.of(IntakeError.header(
                            "record Z",
                            AeTransaction.MISSING_RECORD,
                            "File line " + opened + ": the file the A record here opens ends after file line "
                                    + lastLine + " without the Z trailer record that closes it; the file may have been"
                                    + " cut short and transactions after file line " + lastLine + " lost: those"
                                    + " before are read as they stand, and any that are missing are to be sent"
                                    + " again")),
                    opened);
        }
        return null;
    }

    private AeLines.Line nextLine() {
        if (held != null) {
            AeLines.Line line = held;
            held = null;
            return line;
        }
        try {
            return lines.next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEnvelope(String type) {
        return type.equals("A") || type.equals("B") || type.equals("Y") || type.equals("Z");
    }
}
