package io.centerline.targeting.detectors;

import io.centerline.targeting.Declaration;
import io.centerline.targeting.EntryUnderReview;
import io.centerline.targeting.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * Unit value far below peers: a line whose value per unit of quantity lies far below what other entries of the same
 * 10-digit HTS number, country of origin and unit declared. Peers are described by the median and the median absolute
 * deviation (MAD) of the logarithm of their unit values, which a few wild values cannot drag; a line must lie both a
 * number of robust deviations below the median (fewer between related parties, where transfer prices make
 * undervaluation likelier) and below a share of it, and the detector says nothing until a peer group holds enough
 * lines. Each peer group keeps only its most recent values, and only so many peer groups are
 * kept, those not seen for longest forgotten first.
 */
public final class UnitValueDetector extends KeyedDetector<String[]> {

    public static final String CODE = "unit-value";
    static final String MIN_PEERS = "minPeers";
    static final String ROBUST_DEVIATIONS = "robustDeviations";
    static final String RELATED_PARTY_DEVIATIONS = "relatedPartyDeviations";
    static final String MAX_SHARE_OF_MEDIAN = "maxShareOfMedian";

    /** The MAD of a normal distribution is this share of its standard deviation. */
    private static final double MAD_TO_SIGMA = 1.4826;
    /** The smallest spread assumed, in log units: peers that all declared the same value are not infinitely sure. */
    private static final double MIN_SPREAD = 0.05;
    /**
     * The strength of a finding on a line that declares a value for a quantity of zero: as strong as a line just far
     * enough below its peers, since it may be an error of entry rather than of value.
     */
    private static final double QUANTITY_MISSING_STRENGTH = 0.5;

    private final BoundedMap<String, PeerSample> peers;
    private final int sampleSize;

    public UnitValueDetector(int maxPeerGroups, int sampleSize) {
        super(List.of(
                Threshold.count(
                        MIN_PEERS,
                        "Earlier lines of the same HTS number and origin needed before it speaks",
                        10,
                        3,
                        100_000),
                new Threshold(
                        ROBUST_DEVIATIONS,
                        "How many robust deviations (1.4826 MAD of the log unit value) below the median a line must lie",
                        3.0,
                        0.5,
                        20),
                new Threshold(
                        RELATED_PARTY_DEVIATIONS,
                        "The same for a line between related parties, whose transfer prices make undervaluation likelier",
                        2.0,
                        0.5,
                        20),
                new Threshold(
                        MAX_SHARE_OF_MEDIAN,
                        "The highest unit value, as a share of the peers' median, that counts as far below",
                        0.45,
                        0.01,
                        1)));
        if (sampleSize < 8) {
            throw new IllegalArgumentException("A peer sample holds at least 8 values, not " + sampleSize);
        }
        this.peers = new BoundedMap<>(maxPeerGroups);
        this.sampleSize = sampleSize;
    }

    /** With room for 50,000 peer groups of 128 recent values each. */
    public UnitValueDetector() {
        this(50_000, 128);
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String name() {
        return "Unit value far below peers";
    }

    @Override
    public String description() {
        return "A line's unit value lies far below the unit values other entries declared for the same 10-digit HTS"
                + " number and country of origin: judged by the median and median absolute deviation of their log unit"
                + " values, updated as entries arrive.";
    }

    /** How far below its peers a line lies: robust deviations below their median, and its share of the median. */
    private record FarBelow(double below, double deviations, double median, double share, long peers) {}

    /**
     * How far below its peers a line lies, when it lies far enough below for a finding; otherwise null. A line that
     * declares no value for a positive quantity lies below every peer, infinitely many deviations down: goods entered
     * free of charge still have a value for customs purposes (19 U.S.C. 1401a), and a zero is the extreme of
     * undervaluation, not a line to pass by.
     */
    private FarBelow farBelow(Declaration line, String key) {
        double unitValue = line.unitValue();
        if (key == null || !(unitValue >= 0)) {
            return null;
        }
        PeerSample.Summary peersOf = peers.read(key, PeerSample::summary);
        if (peersOf == null || peersOf.count() < threshold(MIN_PEERS)) {
            return null;
        }
        double spread = Math.max(MIN_SPREAD, MAD_TO_SIGMA * peersOf.mad());
        double below = unitValue == 0 ? Double.POSITIVE_INFINITY : (peersOf.median() - Math.log(unitValue)) / spread;
        double median = Math.exp(peersOf.median());
        double share = unitValue / median;
        double deviations = threshold(line.relatedParty() ? RELATED_PARTY_DEVIATIONS : ROBUST_DEVIATIONS);
        return below < deviations || share > threshold(MAX_SHARE_OF_MEDIAN)
                ? null
                : new FarBelow(below, deviations, median, share, peersOf.count());
    }

    /**
     * The peers of a line that declares a value for a quantity of zero, when its peer group is large enough to judge
     * by: such a line gives no unit value to compare, which hides it from the comparison as a zero value would.
     * Otherwise null.
     */
    private PeerSample.Summary peersOfLineWithoutQuantity(Declaration line, String key) {
        if (key == null || line.quantity() != 0 || !(line.enteredValue() > 0)) {
            return null;
        }
        PeerSample.Summary peersOf = peers.read(key, PeerSample::summary);
        return peersOf == null || peersOf.count() < threshold(MIN_PEERS) ? null : peersOf;
    }

    @Override
    protected List<Finding> find(EntryUnderReview entry, String[] keys) {
        double maxShare = threshold(MAX_SHARE_OF_MEDIAN);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            Declaration line = entry.lines().get(i);
            PeerSample.Summary withoutQuantity = peersOfLineWithoutQuantity(line, keys[i]);
            if (withoutQuantity != null) {
                String unit = unitOf(line);
                String reason = "a value of " + Texts.number(line.enteredValue()) + " USD for a quantity of 0 " + unit
                        + ", so no unit value to compare with the median of "
                        + Texts.number(Math.exp(withoutQuantity.median())) + " USD per " + unit + " for "
                        + Texts.hts(line.hts()) + " from " + Texts.code(line.countryOfOrigin()) + " ("
                        + withoutQuantity.count() + " earlier lines)";
                findings.add(finding(line.lineNumber(), reason, tradeReason(line), QUANTITY_MISSING_STRENGTH));
                continue;
            }
            FarBelow far = farBelow(line, keys[i]);
            if (far == null) {
                continue;
            }
            double unitValue = line.unitValue();
            double below = far.below();
            double median = far.median();
            double share = far.share();
            double deviations = far.deviations();
            double strength = 0.5 + 0.35 * (1 - share / maxShare) + 0.05 * Math.min(2, below - deviations);
            if (line.relatedParty()) {
                strength += 0.05;
            }
            String reason = "unit value " + Texts.number(unitValue) + " USD per " + unitOf(line)
                    + " against a median of "
                    + Texts.number(median) + " for " + Texts.hts(line.hts()) + " from "
                    + Texts.code(line.countryOfOrigin())
                    + " (" + far.peers() + " earlier lines; "
                    + (unitValue == 0 ? "no value declared" : Texts.oneDecimal(below) + " robust deviations below")
                    + "; " + Math.round(share * 100) + "% of the median"
                    + (line.relatedParty() ? "; related party" : "")
                    + ")";
            findings.add(finding(line.lineNumber(), reason, tradeReason(line), Math.min(0.95, strength)));
        }
        return findings;
    }

    /** The unit a line's quantity is in, as its reason writes it. */
    private static String unitOf(Declaration line) {
        return Texts.isBlank(line.unit()) ? "unit" : Texts.code(line.unit());
    }

    /** What the importer reads of a finding on a line's value. */
    private static String tradeReason(Declaration line) {
        return "The declared value of line " + line.lineNumber() + " (HTS " + Texts.hts(line.hts()) + " from "
                + Texts.code(line.countryOfOrigin()) + ") is under review.";
    }

    /**
     * Takes the lines' unit values into their peer groups, except those of lines that lie far below their peers: a run
     * of undervalued filings would otherwise become the price that later ones are judged by (a few hundred lines at a
     * third of the price, filed by new importers, had made the group's median theirs within a day).
     */
    @Override
    protected void learn(EntryUnderReview entry, String[] keys) {
        // every line judged against its peers as they stood before the entry, as examining it judges them
        boolean[] far = new boolean[keys.length];
        for (int i = 0; i < keys.length; i++) {
            far[i] = farBelow(entry.lines().get(i), keys[i]) != null;
        }
        for (int i = 0; i < keys.length; i++) {
            if (!far[i]) {
                add(entry.lines().get(i), keys[i]);
            }
        }
    }

    /** As {@link #learn(EntryUnderReview, String[])}, the lines far below being those found. */
    @Override
    protected void learnAfterFinding(EntryUnderReview entry, String[] keys, List<Finding> findings) {
        for (int i = 0; i < keys.length; i++) {
            Declaration line = entry.lines().get(i);
            if (findings.isEmpty()
                    || findings.stream()
                            .noneMatch(finding ->
                                    Integer.valueOf(line.lineNumber()).equals(finding.lineNumber()))) {
                add(line, keys[i]);
            }
        }
    }

    private void add(Declaration line, String key) {
        double unitValue = line.unitValue();
        if (key != null && unitValue > 0) {
            double logValue = Math.log(unitValue);
            peers.update(key, () -> new PeerSample(sampleSize), sample -> sample.add(logValue));
        }
    }

    /** The peer group of each line, in the order of the lines; null for a line that has none. */
    @Override
    protected String[] keys(EntryUnderReview entry) {
        String[] keys = new String[entry.lines().size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = key(entry.lines().get(i));
        }
        return keys;
    }

    private static String key(Declaration line) {
        if (Texts.isBlank(line.hts()) || Texts.isBlank(line.countryOfOrigin())) {
            return null;
        }
        return line.hts() + '/' + line.countryOfOrigin() + '/' + (line.unit() == null ? "" : line.unit());
    }
}
