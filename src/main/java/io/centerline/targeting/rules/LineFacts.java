package io.centerline.targeting.rules;

import dev.cel.runtime.CelVariableResolver;
import io.centerline.targeting.Declaration;
import io.centerline.targeting.EntryUnderReview;
import io.centerline.targeting.History;
import io.centerline.targeting.Track;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The facts of one line of an entry summary under review, together with the facts of its entry, its account and the
 * review history of its parties: what a rule sees while it is evaluated on that line. It hands CEL the value of each
 * field of {@link RuleFields} by name.
 */
public final class LineFacts implements CelVariableResolver {

    private final Entry entry;
    private final Declaration line;

    private LineFacts(Entry entry, Declaration line) {
        this.entry = entry;
        this.line = line;
    }

    /** The facts of every line of an entry summary, in the order of its lines. */
    public static List<LineFacts> of(EntryUnderReview entry) {
        Entry facts = new Entry(entry);
        List<LineFacts> lines = new ArrayList<>(entry.lines().size());
        for (Declaration line : entry.lines()) {
            lines.add(new LineFacts(facts, line));
        }
        return Collections.unmodifiableList(lines);
    }

    @Override
    public Optional<Object> find(String name) {
        RuleField field = RuleFields.field(name);
        return field == null ? Optional.empty() : Optional.of(field.read(this));
    }

    EntryUnderReview entry() {
        return entry.entry;
    }

    Declaration line() {
        return line;
    }

    int lineNumber() {
        return line.lineNumber();
    }

    String port() {
        return entry.port;
    }

    String modeOfTransport() {
        return entry.modeOfTransport;
    }

    double totalValue() {
        return entry.totalValue;
    }

    Instant entryInstant() {
        return entry.entryInstant;
    }

    History history() {
        return entry.history;
    }

    Track manufacturerTrack() {
        return entry.history.manufacturer(text(line.manufacturer()));
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    /** What every line of one entry shares, worked out once per entry. */
    private static final class Entry {
        private final EntryUnderReview entry;
        private final History history;
        private final double totalValue;
        private final Instant entryInstant;
        private final String port;
        private final String modeOfTransport;

        Entry(EntryUnderReview entry) {
            this.entry = entry;
            this.history = entry.history() == null ? History.NONE : entry.history();
            double total = 0;
            for (Declaration line : entry.lines()) {
                total += line.enteredValue();
            }
            this.totalValue = total;
            this.entryInstant = entry.entryDate() == null
                    ? Instant.EPOCH
                    : entry.entryDate().atStartOfDay(ZoneOffset.UTC).toInstant();
            Declaration first = entry.lines().isEmpty() ? null : entry.lines().get(0);
            this.port = first == null ? "" : text(first.port());
            this.modeOfTransport = first == null ? "" : text(first.modeOfTransport());
        }
    }
}
