package io.centerline.entries.intake;

import io.centerline.platform.Shown;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

/** The forms entry summaries arrive in, each with its reader and writer. */
public enum IntakeFormat {
    /** Newline-delimited JSON, one summary per line. */
    JSONL,
    /** CSV, one row per line item with the header fields repeated. */
    CSV,
    /** ABI CATAIR AE fixed-width 80-character records. */
    CATAIR_AE;

    /**
     * A reader of text received on a business date. JSON and CSV summaries state their own summary date; a CATAIR AE
     * transaction states none and is dated on the day it is received.
     */
    public SummaryReader reader(Reader in, LocalDate receivedOn) {
        return switch (this) {
            case JSONL -> new JsonSummaryReader(in);
            case CSV -> new CsvSummaryReader(in);
            case CATAIR_AE -> new CatairAeReader(in, receivedOn);
        };
    }

    /**
     * Reads UTF-8 bytes received on a business date. Newline-delimited JSON is parsed from the bytes as they lie; the
     * other forms are decoded into text first.
     */
    public SummaryReader reader(InputStream in, LocalDate receivedOn) {
        return this == JSONL
                ? new JsonSummaryReader(in)
                : reader(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16), receivedOn);
    }

    public SummaryWriter writer(Writer out) {
        return switch (this) {
            case JSONL -> new JsonlSummaryWriter(out);
            case CSV -> new CsvSummaryWriter(out);
            case CATAIR_AE -> new CatairAeWriter(out);
        };
    }

    /** Parses the names used on the command line and in query parameters: jsonl (or ndjson), csv, catair-ae. */
    public static IntakeFormat parse(String name) {
        switch (name == null ? "" : name.trim().toLowerCase(Locale.ROOT)) {
            case "jsonl", "ndjson", "json":
                return JSONL;
            case "csv":
                return CSV;
            case "catair-ae", "catair", "ae":
                return CATAIR_AE;
            default:
                throw new IllegalArgumentException(
                        "Unknown format '" + Shown.value(name) + "'; use jsonl, csv or catair-ae");
        }
    }

    public String cliName() {
        return this == CATAIR_AE ? "catair-ae" : name().toLowerCase(Locale.ROOT);
    }
}
