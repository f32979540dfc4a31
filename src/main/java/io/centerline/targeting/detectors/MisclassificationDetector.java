package io.centerline.targeting.detectors;

import io.centerline.targeting.Declaration;
import io.centerline.targeting.EntryUnderReview;
import io.centerline.targeting.Finding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Misclassification: goods of a known commercial description (normalised) filed under an HTS number with a lower duty
 * rate than the number they usually go under. First and foremost the same manufacturer's goods of the same
 * description: any earlier filing under a higher-duty number counts. Failing that, the same description from the same
 * origin by any manufacturer, when enough earlier filings went mostly under one higher-duty number. The detector
 * learns, per key, the HTS numbers used, how often, and the duty rate (percent of entered value) last declared under
 * each; it speaks only when the current number is not the one mostly used and the usual number's rate is higher by
 * a set number of percentage points.
 */
public final class MisclassificationDetector extends KeyedDetector<MisclassificationDetector.LineKeys[]> {

    public static final String CODE = "misclassification";
    static final String MIN_DUTY_DIFFERENCE = "minDutyDifference";
    static final String MIN_EARLIER_FILINGS = "minEarlierFilings";
    static final String MIN_DESCRIPTION_FILINGS = "minDescriptionFilings";
    static final String DESCRIPTION_SHARE = "descriptionShare";

    /** The most HTS numbers kept per key; the rarest is forgotten first. */
    private static final int NUMBERS_PER_KEY = 8;

    /** How goods of one key went under one HTS number, as read outside the lock. */
    private record Use(String hts, long filings, double dutyRate, LocalDate first, LocalDate last) {}

    /**
     * What the earlier filings of one key say of a line: the number they mostly went under, all their filings and
     * those under the line's own number.
     */
    private record Usual(Use use, long total, long sameNumber) {}

    /**
     * How goods of one key went under one HTS number, as kept: changed in place, with its dates as epoch days. The
     * statistics live in the old generation; a new record and new dates for every filing would each be promoted there
     * and die soon after, which keeps the collector marking (docs/BENCHMARKS.md).
     */
    private static final class Usage {
        private static final long NO_DATE = Long.MIN_VALUE;

        final String hts;
        long filings;
        double dutyRate;
        long first = NO_DATE;
        long last = NO_DATE;

        Usage(String hts) {
            this.hts = hts;
        }

        /** One more filing; the duty rate is the one filed on the latest date. */
        void add(double rate, LocalDate date) {
            long day = date == null ? NO_DATE : date.toEpochDay();
            boolean later = day != NO_DATE && (last == NO_DATE || day >= last);
            boolean earlier = day != NO_DATE && (first == NO_DATE || day < first);
            if (filings == 0 || later) {
                dutyRate = rate;
            }
            if (later) {
                last = day;
            }
            if (earlier) {
                first = day;
            }
            filings++;
        }

        Use snapshot() {
            return new Use(hts, filings, dutyRate, date(first), date(last));
        }

        private static LocalDate date(long day) {
            return day == NO_DATE ? null : LocalDate.ofEpochDay(day);
        }
    }

    private static final class Uses {
        final Map<String, Usage> byHts = new LinkedHashMap<>(4);

        void add(String hts, double dutyRate, LocalDate date) {
            Usage use = byHts.get(hts);
            if (use == null) {
                if (byHts.size() >= NUMBERS_PER_KEY) {
                    Usage rarest = null;
                    for (Usage other : byHts.values()) {
                        if (rarest == null || other.filings < rarest.filings) {
                            rarest = other;
                        }
                    }
                    byHts.remove(rarest.hts);
                }
                use = new Usage(hts);
                byHts.put(hts, use);
            }
            use.add(dutyRate, date);
        }

        /**
         * The number the filings mostly went under, when it is not the current one, was first used before the entry
         * date, carries at least {@code minDifference} points more duty, has at least {@code minFilings} filings,
         * outnumbers the current number, and holds at least {@code share} of all filings; null when there is none.
         * Judged in place, under the map's lock: most lines have none, and copying every key's numbers out to judge
         * them cost more than the judging.
         */
        Usual usual(Declaration line, LocalDate date, double minDifference, long minFilings, double share) {
            long total = 0;
            long sameNumber = 0;
            for (Usage use : byHts.values()) {
                total += use.filings;
                if (use.hts.equals(line.hts())) {
                    sameNumber = use.filings;
                }
            }
            long day = date == null ? Usage.NO_DATE : date.toEpochDay();
            Usage usual = null;
            for (Usage use : byHts.values()) {
                if (!use.hts.equals(line.hts())
                        && (day == Usage.NO_DATE || use.first == Usage.NO_DATE || use.first < day)
                        && use.filings >= minFilings
                        && use.filings > sameNumber
                        && use.filings >= share * total
                        && use.dutyRate - line.dutyRate() >= minDifference
                        && (usual == null || use.filings > usual.filings)) {
                    usual = use;
                }
            }
            return usual == null ? null : new Usual(usual.snapshot(), total, sameNumber);
        }
    }

    private final BoundedMap<String, Uses> byManufacturer;
    private final BoundedMap<String, Uses> byDescription;

    public MisclassificationDetector(int maxKeys) {
        super(List.of(
                new Threshold(
                        MIN_DUTY_DIFFERENCE,
                        "How many percentage points of duty the usual HTS number must carry above the current one",
                        0.5,
                        0.1,
                        100),
                Threshold.count(
                        MIN_EARLIER_FILINGS,
                        "Earlier filings of the same manufacturer and description under the higher-duty number needed",
                        1,
                        1,
                        1_000),
                Threshold.count(
                        MIN_DESCRIPTION_FILINGS,
                        "Earlier filings of the same description and origin by any manufacturer needed to judge by the"
                                + " description alone",
                        5,
                        2,
                        1_000_000),
                new Threshold(
                        DESCRIPTION_SHARE,
                        "The least share of those filings under the higher-duty number for it to count as usual",
                        0.8,
                        0.5,
                        1)));
        this.byManufacturer = new BoundedMap<>(maxKeys);
        this.byDescription = new BoundedMap<>(maxKeys);
    }

    /** With room for 500,000 manufacturer and description pairs and as many description and origin pairs. */
    public MisclassificationDetector() {
        this(500_000);
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String name() {
        return "Lower-duty classification of known goods";
    }

    @Override
    public String description() {
        return "Goods of a known description are declared under an HTS number with a lower duty rate than the number"
                + " they went under before: the same manufacturer's goods of the same description, or the same"
                + " description from the same origin by any manufacturer when most earlier filings agree.";
    }

    @Override
    protected List<Finding> find(EntryUnderReview entry, LineKeys[] keys) {
        double minDifference = threshold(MIN_DUTY_DIFFERENCE);
        long minFilings = (long) threshold(MIN_EARLIER_FILINGS);
        long minDescriptionFilings = (long) threshold(MIN_DESCRIPTION_FILINGS);
        double share = threshold(DESCRIPTION_SHARE);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            Declaration line = entry.lines().get(i);
            LineKeys key = keys[i];
            if (key == null) {
                continue;
            }
            LocalDate date = line.entryDate() != null ? line.entryDate() : entry.entryDate();
            Usual found = key.manufacturer() == null
                    ? null
                    : byManufacturer.read(
                            key.manufacturer(), uses -> uses.usual(line, date, minDifference, minFilings, 0));
            boolean bySameMaker = found != null;
            if (found == null) {
                found = byDescription.read(
                        key.description(), uses -> uses.usual(line, date, minDifference, minDescriptionFilings, share));
            }
            if (found == null) {
                continue;
            }
            Use usual = found.use();
            long total = found.total();
            long sameNumber = found.sameNumber();
            double difference = usual.dutyRate() - line.dutyRate();
            String declared = "goods described as " + Texts.filed(line.description()) + " are declared under "
                    + Texts.hts(line.hts()) + " at a duty rate of " + Texts.percent(line.dutyRate());
            String before = Texts.hts(usual.hts()) + " at " + Texts.percent(usual.dutyRate()) + " in "
                    + usual.filings() + " of " + total + " earlier filing" + (total == 1 ? "" : "s") + " (last on "
                    + usual.last() + ")" + (sameNumber > 0 ? ", " + Texts.hts(line.hts()) + " in " + sameNumber : "");
            String reason = bySameMaker
                    ? "manufacturer " + Texts.filed(line.manufacturer()) + " " + declared
                            + "; the same manufacturer and description went under " + before
                    : declared + " (manufacturer " + Texts.filed(line.manufacturer()) + "); the same description from "
                            + Texts.code(line.countryOfOrigin()) + " went under " + before;
            String tradeReason = "The tariff classification of line " + line.lineNumber() + " (HTS "
                    + Texts.hts(line.hts()) + ") is under review.";
            double strength = (bySameMaker ? 0.6 : 0.45)
                    + Math.min(0.25, difference / 40)
                    + Math.min(0.1, 0.02 * (usual.filings() - 1));
            findings.add(finding(line.lineNumber(), reason, tradeReason, Math.min(0.95, strength)));
        }
        return findings;
    }

    @Override
    protected void learn(EntryUnderReview entry, LineKeys[] keys) {
        for (int i = 0; i < keys.length; i++) {
            Declaration line = entry.lines().get(i);
            LineKeys key = keys[i];
            if (key == null) {
                continue;
            }
            LocalDate date = line.entryDate() != null ? line.entryDate() : entry.entryDate();
            if (key.manufacturer() != null) {
                byManufacturer.update(key.manufacturer(), Uses::new, u -> u.add(line.hts(), line.dutyRate(), date));
            }
            byDescription.update(key.description(), Uses::new, u -> u.add(line.hts(), line.dutyRate(), date));
        }
    }

    /**
     * Where a line's filings are kept: by manufacturer and normalised description (null without a manufacturer), and
     * by origin and normalised description.
     */
    record LineKeys(String manufacturer, String description) {}

    /** The keys of each line, in the order of the lines; null for a line this detector cannot judge. */
    @Override
    protected LineKeys[] keys(EntryUnderReview entry) {
        LineKeys[] keys = new LineKeys[entry.lines().size()];
        for (int i = 0; i < keys.length; i++) {
            Declaration line = entry.lines().get(i);
            String description = description(line);
            if (description != null && !Double.isNaN(line.dutyRate())) {
                keys[i] = new LineKeys(manufacturerKey(line, description), descriptionKey(line, description));
            }
        }
        return keys;
    }

    private static String description(Declaration line) {
        if (Texts.isBlank(line.description()) || Texts.isBlank(line.hts())) {
            return null;
        }
        String description = Names.normaliseDescription(line.description());
        return description.isEmpty() ? null : description;
    }

    private static String manufacturerKey(Declaration line, String description) {
        return Texts.isBlank(line.manufacturer()) ? null : line.manufacturer().strip() + '/' + description;
    }

    private static String descriptionKey(Declaration line, String description) {
        return (line.countryOfOrigin() == null ? "" : line.countryOfOrigin()) + '/' + description;
    }
}
