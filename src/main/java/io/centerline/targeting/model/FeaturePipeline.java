package io.centerline.targeting.model;

import io.centerline.platform.Shown;
import io.centerline.targeting.Declaration;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Turns entry lines into the numbers the risk model reads, and explains each number in words.
 *
 * <p>It is fitted once on reviewed lines and then applied to new ones. The features are: the label-encoded codes of
 * every categorical field (parties, port, mode, HTS number and its 2-, 4- and 6-digit prefixes, origin, export
 * country, entry type, unit, description, related party, AD/CVD case, and every entry of
 * {@link Declaration#attributes()}); the amounts (entered value, weight, quantity, unit value, value per kg, duty rate
 * and duty); unit value, value per kg and duty rate against the usual for the same HTS number and origin; the day of
 * the week and of the month; how familiar the pairing of importer and origin, importer and HTS number, manufacturer
 * and HTS number, description and HTS number is; and the review history (reviews, findings, smoothed finding rate)
 * of the importer, filer, manufacturer, HTS number, origin, entered value, gross weight and HTS number with entered
 * value. The finding rate is smoothed as (findings + 1) / (reviews + 2), so it needs no label beyond the counts.
 *
 * <p>The invariant that keeps it honest: a history or familiarity figure of a training line counts only lines entered
 * on earlier days, never the line's own label nor any label of its day or later. Fitting walks the training lines in
 * entry-date order, computes a day's features from what came before and only then counts the day in. When the pipeline
 * later scores new lines, its figures are those after the last training day. Codes, counts and usual values carry no
 * label and are fitted on all training lines.
 */
public final class FeaturePipeline {

    private static final String MAGIC = "centerline-feature-pipeline";
    private static final int FORMAT = 1;
    /** The fewest training lines a group needs before its median counts as the usual value. */
    static final int PEER_MINIMUM = 3;

    static final Key IMPORTER = new Key("importer", "importer", Subject.PARTIES, Declaration::importer);
    static final Key FILER = new Key("filer", "filer", Subject.PARTIES, Declaration::filer);
    static final Key MANUFACTURER = new Key("manufacturer", "manufacturer", Subject.PARTIES, Declaration::manufacturer);
    static final Key PORT = new Key("port", "port of entry", Subject.SHIPMENT, Declaration::port);
    static final Key MODE = new Key("mode", "mode of transport", Subject.SHIPMENT, Declaration::modeOfTransport);
    static final Key HTS = new Key("hts", "HTS number", Subject.CLASSIFICATION, d -> htsDigits(d, 10));
    static final Key HTS2 = new Key("hts2", "HTS chapter", Subject.CLASSIFICATION, d -> htsDigits(d, 2));
    static final Key HTS4 = new Key("hts4", "HTS heading", Subject.CLASSIFICATION, d -> htsDigits(d, 4));
    static final Key HTS6 = new Key("hts6", "HTS subheading", Subject.CLASSIFICATION, d -> htsDigits(d, 6));
    static final Key ORIGIN = new Key("origin", "country of origin", Subject.ORIGIN, Declaration::countryOfOrigin);
    static final Key EXPORT = new Key("export", "country of export", Subject.ORIGIN, Declaration::countryOfExport);
    static final Key ENTRY_TYPE = new Key("entry-type", "entry type", Subject.ENTRY, Declaration::entryType);
    static final Key CENTER = new Key("center", "Center", Subject.ENTRY, Declaration::center);
    static final Key UNIT = new Key("unit", "unit", Subject.QUANTITY, Declaration::unit);
    static final Key DESCRIPTION =
            new Key("description", "description", Subject.CLASSIFICATION, Declaration::description);
    static final Key RELATED =
            new Key("related-party", "related party", Subject.VALUE, d -> d.relatedParty() ? "yes" : "no");
    static final Key ADCVD =
            new Key("adcvd-case", "AD/CVD case declared", Subject.DUTY, d -> blank(d.adcvdCaseNumber()) ? "no" : "yes");
    static final Key VALUE = new Key("entered-value", "entered value", Subject.VALUE, d -> numberKey(d.enteredValue()));
    static final Key WEIGHT =
            new Key("gross-weight", "gross weight", Subject.QUANTITY, d -> numberKey(d.grossWeightKg()));
    static final Key HTS_VALUE = new Key(
            "hts+entered-value",
            "HTS number and entered value",
            Subject.VALUE,
            d -> htsDigits(d, 10) + "|" + numberKey(d.enteredValue()));

    private static final List<Key> CATEGORICAL = List.of(
            IMPORTER,
            FILER,
            MANUFACTURER,
            PORT,
            MODE,
            HTS,
            HTS2,
            HTS4,
            HTS6,
            ORIGIN,
            EXPORT,
            ENTRY_TYPE,
            CENTER,
            UNIT,
            DESCRIPTION,
            RELATED,
            ADCVD);
    private static final List<Key> HISTORIES =
            List.of(IMPORTER, FILER, MANUFACTURER, HTS, ORIGIN, VALUE, WEIGHT, HTS_VALUE);
    private static final List<Pairing> PAIRINGS = List.of(
            new Pairing(IMPORTER, ORIGIN, "the importer's earlier lines from this origin"),
            new Pairing(IMPORTER, HTS, "the importer's earlier lines under this HTS number"),
            new Pairing(IMPORTER, MANUFACTURER, "the importer's earlier lines from this manufacturer"),
            new Pairing(MANUFACTURER, HTS, "the manufacturer's earlier lines under this HTS number"),
            new Pairing(DESCRIPTION, HTS, "earlier lines of this description under this HTS number"),
            new Pairing(HTS, ORIGIN, "earlier lines of this HTS number from this origin"));

    /** A named categorical view of a line: a field, a prefix of one, or a combination. */
    record Key(String name, String words, Subject subject, Function<Declaration, String> value) {

        String of(Declaration declaration) {
            String v = value.apply(declaration);
            return v == null ? "" : v.trim();
        }
    }

    /** Two keys whose pairing on earlier lines says how usual the combination is. */
    record Pairing(Key first, Key second, String words) {

        String name() {
            return first.name() + "+" + second.name();
        }
    }

    /** One column of the model's input: its stable name, what it is about, and its kind. */
    public record Feature(String name, Subject subject, Kind kind) {}

    /** How a feature is made. */
    public enum Kind {
        /** A label-encoded code of a categorical field. */
        CODE,
        /** An amount as declared or derived from the declared amounts. */
        AMOUNT,
        /** An amount against the usual for the same HTS number and origin in training. */
        PEER,
        /** The entry date. */
        TIME,
        /** How often the combination was seen on earlier lines (no label). */
        FAMILIARITY,
        /** Earlier review outcomes of the same party, product or value (past labels only). */
        HISTORY
    }

    private final String currency;
    private final List<String> attributeNames;
    private final List<Key> categorical;
    private final List<CategoryCodes> codes;
    private final Peers peers;
    /** Per pairing, how many earlier lines had each value of its first key. */
    private final List<Map<String, int[]>> firstCounts;
    /** Per pairing, how many earlier lines had each pair of values. */
    private final List<PairTable<int[]>> pairCounts;
    /** By HTS number and origin, the earlier lines and those that declared an AD/CVD case. */
    private final PairTable<int[]> caseCounts;
    /** Per history key, in the order of {@link #HISTORIES}. */
    private final List<Tracks> histories;

    private final double prior;
    private final int[] kept;
    private final List<Feature> allFeatures;
    private final List<Feature> features;
    /** Where the keys the pairings and histories read sit among the categorical keys, or -1 for other keys. */
    private final int[] pairingFirst;

    private final int[] pairingSecond;
    private final int htsAt;
    private final int subheadingAt;
    private final int originAt;

    private FeaturePipeline(
            String currency,
            List<String> attributeNames,
            List<CategoryCodes> codes,
            Peers peers,
            List<Map<String, int[]>> firstCounts,
            List<PairTable<int[]>> pairCounts,
            PairTable<int[]> caseCounts,
            List<Tracks> histories,
            double prior,
            int[] kept) {
        this.currency = currency;
        this.attributeNames = List.copyOf(attributeNames);
        this.categorical = categoricalKeys(attributeNames);
        this.codes = codes;
        this.peers = peers;
        this.firstCounts = firstCounts;
        this.pairCounts = pairCounts;
        this.caseCounts = caseCounts;
        this.histories = histories;
        this.prior = prior;
        this.allFeatures = describeColumns(categorical);
        this.kept = kept == null ? allColumns(allFeatures.size()) : kept;
        this.features = Arrays.stream(this.kept).mapToObj(allFeatures::get).toList();
        this.pairingFirst =
                PAIRINGS.stream().mapToInt(p -> categorical.indexOf(p.first())).toArray();
        this.pairingSecond =
                PAIRINGS.stream().mapToInt(p -> categorical.indexOf(p.second())).toArray();
        this.htsAt = categorical.indexOf(HTS);
        this.subheadingAt = categorical.indexOf(HTS6);
        this.originAt = categorical.indexOf(ORIGIN);
    }

    /** A fitted pipeline and the training matrix it produced, with features from earlier days only. */
    public record Fit(FeaturePipeline pipeline, float[] matrix, float[] labels, int rows) {}

    /**
     * Fits the pipeline on reviewed lines and computes their training features in entry-date order.
     *
     * @param currency the currency of the entered values, for the words of explanations
     * @return the pipeline, and the training rows sorted by entry date (ties kept in the order given)
     */
    public static Fit fit(List<LabelledDeclaration> rows, String currency) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("A pipeline needs at least one training line");
        }
        List<LabelledDeclaration> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparing(r -> r.declaration().entryDate()));
        TreeSet<String> attributeNames = new TreeSet<>();
        ordered.forEach(r -> attributeNames.addAll(r.declaration().attributes().keySet()));
        List<String> attributes = List.copyOf(attributeNames);
        List<Key> keys = categoricalKeys(attributes);
        List<CategoryCodes> codes = new ArrayList<>(keys.size());
        for (Key key : keys) {
            codes.add(CategoryCodes.fit(
                    ordered.stream().map(r -> key.of(r.declaration())).toList()));
        }
        Peers peers =
                Peers.fit(ordered.stream().map(LabelledDeclaration::declaration).toList());
        double prior = ordered.stream().filter(LabelledDeclaration::finding).count() / (double) ordered.size();
        List<Map<String, int[]>> firstCounts = new ArrayList<>();
        List<PairTable<int[]>> pairCounts = new ArrayList<>();
        for (int i = 0; i < PAIRINGS.size(); i++) {
            firstCounts.add(new HashMap<>());
            pairCounts.add(new PairTable<>());
        }
        List<Tracks> histories = new ArrayList<>();
        for (Key key : HISTORIES) {
            histories.add(Tracks.of(key, keys, new HashMap<>()));
        }
        FeaturePipeline growing = new FeaturePipeline(
                currency, attributes, codes, peers, firstCounts, pairCounts, new PairTable<>(), histories, prior, null);
        int width = growing.allFeatures.size();
        float[] full = new float[ordered.size() * width];
        float[] labels = new float[ordered.size()];
        int dayStart = 0;
        while (dayStart < ordered.size()) {
            int dayEnd = dayStart;
            while (dayEnd < ordered.size()
                    && ordered.get(dayEnd)
                            .declaration()
                            .entryDate()
                            .equals(ordered.get(dayStart).declaration().entryDate())) {
                dayEnd++;
            }
            for (int i = dayStart; i < dayEnd; i++) {
                growing.fillAll(ordered.get(i).declaration(), full, i * width);
                labels[i] = ordered.get(i).finding() ? 1f : 0f;
            }
            for (int i = dayStart; i < dayEnd; i++) {
                growing.learn(ordered.get(i));
            }
            dayStart = dayEnd;
        }
        int[] kept = varyingColumns(full, ordered.size(), width);
        FeaturePipeline fitted = new FeaturePipeline(
                currency,
                attributes,
                codes,
                peers,
                firstCounts,
                pairCounts,
                growing.caseCounts,
                histories,
                prior,
                kept);
        return new Fit(fitted, select(full, ordered.size(), width, kept), labels, ordered.size());
    }

    /** The features of new lines, row after row, as of the end of training. */
    public float[] transform(List<Declaration> lines) {
        int width = allFeatures.size();
        float[] row = new float[width];
        float[] matrix = new float[lines.size() * kept.length];
        for (int i = 0; i < lines.size(); i++) {
            fillAll(lines.get(i), row, 0);
            int offset = i * kept.length;
            for (int j = 0; j < kept.length; j++) {
                matrix[offset + j] = row[kept[j]];
            }
        }
        return matrix;
    }

    /** The model's input columns, in order. */
    public List<Feature> features() {
        return features;
    }

    public List<String> featureNames() {
        return features.stream().map(Feature::name).toList();
    }

    public String currency() {
        return currency;
    }

    /** The share of training lines with a finding (for the card; no feature uses it). */
    public double prior() {
        return prior;
    }

    /** A column's feature of a line in words a specialist reads, with the figures behind it. */
    public String describe(int column, Declaration line) {
        return describeFull(kept[column], line);
    }

    // ---- computing features ----

    /**
     * A line's features from {@code offset} on. Each key's value is worked out once for the line, however many features
     * read it: the categorical codes, the peers, the pairings, the case counts and the histories share them.
     */
    private void fillAll(Declaration d, float[] out, int offset) {
        int j = offset;
        String[] values = new String[categorical.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = categorical.get(k).of(d);
            out[j++] = codes.get(k).code(values[k]);
        }
        Peers.Product product = new Peers.Product(values[htsAt], values[originAt], values[subheadingAt]);
        double value = d.enteredValue();
        out[j++] = (float) value;
        out[j++] = (float) d.grossWeightKg();
        out[j++] = (float) d.quantity();
        out[j++] = (float) d.unitValue();
        out[j++] = (float) d.valuePerKg();
        out[j++] = (float) d.dutyRate();
        out[j++] = (float) (value * d.dutyRate() / 100);
        out[j++] = (float) ratio(d.unitValue(), peers.unitValue(product).value());
        out[j++] = (float) ratio(d.valuePerKg(), peers.valuePerKg(product).value());
        Peers.Usual duty = peers.dutyRate(product);
        out[j++] = (float) ratio(d.dutyRate(), duty.value());
        out[j++] = (float) (Double.isNaN(duty.value()) ? Double.NaN : d.dutyRate() - duty.value());
        out[j++] =
                d.entryDate() == null ? Float.NaN : d.entryDate().getDayOfWeek().getValue();
        out[j++] = d.entryDate() == null ? Float.NaN : d.entryDate().getDayOfMonth();
        for (int p = 0; p < PAIRINGS.size(); p++) {
            Pairing pairing = PAIRINGS.get(p);
            String first = valueOf(pairing.first(), pairingFirst[p], values, d);
            int[] firstSeen = firstCounts.get(p).get(first);
            int[] pair = pairCounts.get(p).get(first, valueOf(pairing.second(), pairingSecond[p], values, d));
            int firstCount = firstSeen == null ? 0 : firstSeen[0];
            int pairCount = pair == null ? 0 : pair[0];
            out[j++] = pairCount;
            out[j++] = firstCount == 0 ? Float.NaN : (float) pairCount / firstCount;
        }
        // the HTS number and origin: the peers' most specific group
        int[] cases = caseCounts.get(product.hts(), product.origin());
        out[j++] = cases == null || cases[0] == 0 ? Float.NaN : (float) cases[1] / cases[0];
        for (int h = 0; h < HISTORIES.size(); h++) {
            int[] track = histories.get(h).get(d, values);
            int reviews = track == null ? 0 : track[0];
            int findings = track == null ? 0 : track[1];
            out[j++] = reviews;
            out[j++] = findings;
            out[j++] = (float) ((findings + 1.0) / (reviews + 2.0));
        }
    }

    /** A key's value of the line: the one worked out already when the key is categorical. */
    private static String valueOf(Key key, int at, String[] values, Declaration d) {
        return at >= 0 ? values[at] : key.of(d);
    }

    private void learn(LabelledDeclaration row) {
        Declaration d = row.declaration();
        for (int p = 0; p < PAIRINGS.size(); p++) {
            Pairing pairing = PAIRINGS.get(p);
            String first = pairing.first().of(d);
            firstCounts.get(p).computeIfAbsent(first, k -> new int[1])[0]++;
            pairCounts.get(p).computeIfAbsent(first, pairing.second().of(d), () -> new int[1])[0]++;
        }
        int[] cases = caseCounts.computeIfAbsent(HTS.of(d), ORIGIN.of(d), () -> new int[2]);
        cases[0]++;
        if (!blank(d.adcvdCaseNumber())) {
            cases[1]++;
        }
        for (int h = 0; h < HISTORIES.size(); h++) {
            int[] track = histories.get(h).add(d);
            track[0]++;
            if (row.finding()) {
                track[1]++;
            }
        }
    }

    /**
     * The earlier reviews and findings of one history key, per value of the key. A party or product is looked up by
     * the line's text of it; an amount by the number itself (with the HTS number for {@link #HTS_VALUE}), rather than
     * by the amount written out as text for every line. Stored, every value is keyed by its text ({@link #numberKey}
     * for an amount), as it always was.
     */
    private abstract static class Tracks {

        static Tracks of(Key key, List<Key> categorical, Map<String, int[]> stored) {
            if (key == VALUE) {
                return new AmountTracks(Declaration::enteredValue, -1, stored);
            }
            if (key == WEIGHT) {
                return new AmountTracks(Declaration::grossWeightKg, -1, stored);
            }
            if (key == HTS_VALUE) {
                return new AmountTracks(Declaration::enteredValue, categorical.indexOf(HTS), stored);
            }
            return new TextTracks(key, categorical.indexOf(key), stored);
        }

        /** The counts of the line's value, or null; {@code values} are its categorical values when worked out. */
        abstract int[] get(Declaration d, String[] values);

        /** The counts of the line's value, made when it has none yet. */
        abstract int[] add(Declaration d);

        /** The counts by the text of the value, the stored form. */
        abstract Map<String, int[]> stored();
    }

    /** The tracks of a party or product, by its text. */
    private static final class TextTracks extends Tracks {
        private final Key key;
        /** Where the key sits among the categorical keys, or -1. */
        private final int at;

        private final Map<String, int[]> counts;

        TextTracks(Key key, int at, Map<String, int[]> counts) {
            this.key = key;
            this.at = at;
            this.counts = counts;
        }

        @Override
        int[] get(Declaration d, String[] values) {
            return counts.get(values != null && at >= 0 ? values[at] : key.of(d));
        }

        @Override
        int[] add(Declaration d) {
            return counts.computeIfAbsent(key.of(d), k -> new int[2]);
        }

        @Override
        Map<String, int[]> stored() {
            return counts;
        }
    }

    /**
     * The tracks of an amount, by HTS number (the empty text for an amount alone) and then by the amount. Two amounts
     * have the same {@link #numberKey} text exactly when they are equal as {@link Double}s are (NaN equal to NaN, -0.0
     * apart from 0.0), so the numbers find what their texts did.
     */
    private static final class AmountTracks extends Tracks {
        private final ToDoubleFunction<Declaration> amount;
        /** Where the HTS number sits among the categorical keys, or -1 for an amount alone. */
        private final int htsAt;

        private final Map<String, Map<Double, int[]>> counts = new HashMap<>();

        AmountTracks(ToDoubleFunction<Declaration> amount, int htsAt, Map<String, int[]> stored) {
            this.amount = amount;
            this.htsAt = htsAt;
            stored.forEach((text, track) -> {
                // an HTS number is digits only: the first '|' ends it
                int at = htsAt >= 0 ? text.indexOf('|') : -1;
                if (htsAt >= 0 && at < 0) {
                    throw new IllegalArgumentException("A stored history key without its HTS number: " + text);
                }
                String hts = htsAt >= 0 ? text.substring(0, at) : "";
                String number = text.substring(at + 1);
                counts.computeIfAbsent(hts, k -> new HashMap<>())
                        .put(number.isEmpty() ? Double.NaN : Double.parseDouble(number), track);
            });
        }

        @Override
        int[] get(Declaration d, String[] values) {
            Map<Double, int[]> byAmount = counts.get(hts(d, values));
            return byAmount == null ? null : byAmount.get(amount.applyAsDouble(d));
        }

        @Override
        int[] add(Declaration d) {
            return counts.computeIfAbsent(hts(d, null), k -> new HashMap<>())
                    .computeIfAbsent(amount.applyAsDouble(d), k -> new int[2]);
        }

        private String hts(Declaration d, String[] values) {
            if (htsAt < 0) {
                return "";
            }
            return values != null ? values[htsAt] : HTS.of(d);
        }

        @Override
        Map<String, int[]> stored() {
            Map<String, int[]> stored = new HashMap<>();
            counts.forEach((hts, byAmount) -> byAmount.forEach((value, track) -> {
                String number = numberKey(value);
                stored.put(htsAt >= 0 ? hts + "|" + number : number, track);
            }));
            return stored;
        }
    }

    private static List<Feature> describeColumns(List<Key> categorical) {
        List<Feature> columns = new ArrayList<>();
        for (Key key : categorical) {
            columns.add(new Feature("code:" + key.name(), key.subject(), Kind.CODE));
        }
        columns.add(new Feature("entered-value", Subject.VALUE, Kind.AMOUNT));
        columns.add(new Feature("gross-weight", Subject.QUANTITY, Kind.AMOUNT));
        columns.add(new Feature("quantity", Subject.QUANTITY, Kind.AMOUNT));
        columns.add(new Feature("unit-value", Subject.VALUE, Kind.AMOUNT));
        columns.add(new Feature("value-per-kg", Subject.VALUE, Kind.AMOUNT));
        columns.add(new Feature("duty-rate", Subject.DUTY, Kind.AMOUNT));
        columns.add(new Feature("duty", Subject.DUTY, Kind.AMOUNT));
        columns.add(new Feature("unit-value/usual", Subject.VALUE, Kind.PEER));
        columns.add(new Feature("value-per-kg/usual", Subject.VALUE, Kind.PEER));
        columns.add(new Feature("duty-rate/usual", Subject.DUTY, Kind.PEER));
        columns.add(new Feature("duty-rate-usual", Subject.DUTY, Kind.PEER));
        columns.add(new Feature("day-of-week", Subject.ENTRY, Kind.TIME));
        columns.add(new Feature("day-of-month", Subject.ENTRY, Kind.TIME));
        for (Pairing pairing : PAIRINGS) {
            columns.add(new Feature("seen:" + pairing.name(), pairing.second().subject(), Kind.FAMILIARITY));
            columns.add(new Feature("share:" + pairing.name(), pairing.second().subject(), Kind.FAMILIARITY));
        }
        columns.add(new Feature("adcvd-share:hts+origin", Subject.DUTY, Kind.FAMILIARITY));
        for (Key key : HISTORIES) {
            columns.add(new Feature("reviews:" + key.name(), key.subject(), Kind.HISTORY));
            columns.add(new Feature("findings:" + key.name(), key.subject(), Kind.HISTORY));
            columns.add(new Feature("finding-rate:" + key.name(), key.subject(), Kind.HISTORY));
        }
        return List.copyOf(columns);
    }

    private String describeFull(int column, Declaration d) {
        int c = column;
        if (c < categorical.size()) {
            Key key = categorical.get(c);
            String value = key.of(d);
            int count = codes.get(c).count(value);
            String shown = key == HTS ? Words.hts(value) : shown(key, value);
            String seen = count == 0
                    ? " (not seen in training)"
                    : count < 5 ? " (on " + Words.plural(count, "training line", "training lines") + ")" : "";
            return key.words() + " " + shown + seen;
        }
        c -= categorical.size();
        switch (c) {
            case 0:
                return "entered value " + Words.amount(d.enteredValue()) + " " + currency;
            case 1:
                return "gross weight " + Words.precise(d.grossWeightKg()) + " kg";
            case 2:
                return "quantity " + Words.precise(d.quantity()) + " " + unit(d);
            case 3:
                return "unit value " + Words.precise(d.unitValue()) + " " + currency + "/" + unit(d);
            case 4:
                return "value per kg " + Words.precise(d.valuePerKg()) + " " + currency + "/kg";
            case 5:
                return "duty rate " + Words.rate(d.dutyRate());
            case 6:
                return "duty " + Words.amount(d.enteredValue() * d.dutyRate() / 100) + " " + currency;
            case 7:
                return againstUsual("unit value", d.unitValue(), peers.unitValue(d), " " + currency + "/" + unit(d));
            case 8:
                return againstUsual("value per kg", d.valuePerKg(), peers.valuePerKg(d), " " + currency + "/kg");
            case 9:
            case 10: {
                Peers.Usual usual = peers.dutyRate(d);
                if (Double.isNaN(usual.value())) {
                    return "duty rate " + Words.rate(d.dutyRate()) + " (no usual rate known for this HTS number)";
                }
                String side = d.dutyRate() < usual.value() ? "below" : d.dutyRate() > usual.value() ? "above" : "at";
                return "duty rate " + Words.rate(d.dutyRate()) + ", " + side + " the usual " + Words.rate(usual.value())
                        + " " + usual.scope();
            }
            case 11:
                return d.entryDate() == null
                        ? "no entry date"
                        : "entered on a " + Words.day(d.entryDate().getDayOfWeek());
            case 12:
                return d.entryDate() == null
                        ? "no entry date"
                        : "entered on day " + d.entryDate().getDayOfMonth() + " of the month";
            default:
                break;
        }
        c -= 13;
        if (c < PAIRINGS.size() * 2) {
            Pairing pairing = PAIRINGS.get(c / 2);
            String firstValue = pairing.first().of(d);
            int[] first = firstCounts.get(c / 2).get(firstValue);
            int[] pair = pairCounts.get(c / 2).get(firstValue, pairing.second().of(d));
            int firstCount = first == null ? 0 : first[0];
            int pairCount = pair == null ? 0 : pair[0];
            String subject = pairing.second().words() + " " + shown(pairing.second(), d);
            if (firstCount == 0) {
                return subject + ": no earlier line of this " + pairing.first().words();
            }
            return subject + ": " + pairCount + " of the " + Words.plural(firstCount, "earlier line", "earlier lines")
                    + " of this " + pairing.first().words() + " (" + Words.percent((double) pairCount / firstCount)
                    + ")";
        }
        c -= PAIRINGS.size() * 2;
        if (c == 0) {
            int[] cases = caseCounts.get(HTS.of(d), ORIGIN.of(d));
            String subject = "HTS number " + Words.hts(HTS.of(d)) + " from " + shown(ORIGIN, ORIGIN.of(d));
            if (cases == null || cases[0] == 0) {
                return subject + ": no earlier line";
            }
            return subject + ": " + cases[1] + " of " + Words.plural(cases[0], "earlier line", "earlier lines")
                    + " declared an AD/CVD case" + (blank(d.adcvdCaseNumber()) ? ", this one none" : "");
        }
        c -= 1;
        Key key = HISTORIES.get(c / 3);
        int[] track = histories.get(c / 3).get(d, null);
        String subject = key.words() + " " + shown(key, d);
        if (track == null || track[0] == 0) {
            return subject + ": no earlier reviewed line";
        }
        return subject + ": " + track[1] + " of "
                + Words.plural(track[0], "earlier reviewed line", "earlier reviewed lines") + " had a finding";
    }

    private String shown(Key key, Declaration d) {
        if (key == HTS) {
            return Words.hts(HTS.of(d));
        }
        if (key == VALUE) {
            return Words.amount(d.enteredValue()) + " " + currency;
        }
        if (key == WEIGHT) {
            return Words.precise(d.grossWeightKg()) + " kg";
        }
        if (key == HTS_VALUE) {
            return Words.hts(HTS.of(d)) + " at " + Words.amount(d.enteredValue()) + " " + currency;
        }
        return shown(key, key.of(d));
    }

    /**
     * A value of a line as a specialist reads it: what a filer writes in words of its own (a description, a
     * manufacturer) in quotes on one line, a code as it is while it is one, so that nothing filed reads as the words
     * of the explanation.
     */
    private static String shown(Key key, String value) {
        if (value.isEmpty()) {
            return "(none)";
        }
        return key == DESCRIPTION || key == MANUFACTURER ? Shown.quoted(value) : Shown.code(value);
    }

    private static String againstUsual(String what, double value, Peers.Usual usual, String unit) {
        String stated = what + " " + Words.precise(value) + unit;
        if (Double.isNaN(value)) {
            return stated;
        }
        if (Double.isNaN(usual.value()) || usual.value() <= 0) {
            return stated + " (no usual value known for this HTS number)";
        }
        double share = value / usual.value();
        String level = share < 0.67 ? "low" : share > 1.5 ? "high" : "usual";
        return stated + " (" + level + " " + usual.scope() + ": " + Words.percent(share) + " of the usual "
                + Words.precise(usual.value()) + ")";
    }

    private static String unit(Declaration d) {
        return blank(d.unit()) ? "unit" : d.unit();
    }

    // ---- helpers ----

    private static List<Key> categoricalKeys(List<String> attributeNames) {
        List<Key> keys = new ArrayList<>(CATEGORICAL);
        for (String name : attributeNames) {
            keys.add(new Key(
                    "attribute:" + name,
                    name,
                    Subject.ENTRY,
                    d -> d.attributes().get(name)));
        }
        return List.copyOf(keys);
    }

    static String htsDigits(Declaration d, int length) {
        String hts = d.hts();
        if (hts == null) {
            return "";
        }
        if (leadingDigits(hts, length)) {
            // an HTS number as Centerline stores it, ten digits and nothing else
            return hts.length() == length ? hts : hts.substring(0, length);
        }
        StringBuilder digits = new StringBuilder(10);
        for (int i = 0; i < hts.length() && digits.length() < length; i++) {
            char ch = hts.charAt(i);
            if (ch >= '0' && ch <= '9') {
                digits.append(ch);
            }
        }
        return digits.toString();
    }

    /** Whether the first {@code length} characters of a text are all digits. */
    private static boolean leadingDigits(String text, int length) {
        if (text.length() < length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    static String numberKey(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static double ratio(double value, double usual) {
        return Double.isNaN(value) || Double.isNaN(usual) || usual <= 0 ? Double.NaN : value / usual;
    }

    private static int[] allColumns(int width) {
        int[] all = new int[width];
        for (int i = 0; i < width; i++) {
            all[i] = i;
        }
        return all;
    }

    /** The columns that take more than one value in training; a constant column tells the trees nothing. */
    private static int[] varyingColumns(float[] matrix, int rows, int width) {
        List<Integer> varying = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            float first = matrix[j];
            boolean varies = false;
            for (int i = 1; i < rows && !varies; i++) {
                float v = matrix[i * width + j];
                varies = Float.isNaN(first) ? !Float.isNaN(v) : Float.isNaN(v) || v != first;
            }
            if (varies) {
                varying.add(j);
            }
        }
        if (varying.isEmpty()) {
            varying.add(0);
        }
        return varying.stream().mapToInt(Integer::intValue).toArray();
    }

    private static float[] select(float[] full, int rows, int width, int[] kept) {
        float[] out = new float[rows * kept.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < kept.length; j++) {
                out[i * kept.length + j] = full[i * width + kept[j]];
            }
        }
        return out;
    }

    // ---- stored state ----

    /** The fitted state, self-contained: reading it back gives a pipeline that computes the same features. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            Binary.writeString(out, MAGIC);
            out.writeInt(FORMAT);
            Binary.writeString(out, currency);
            out.writeDouble(prior);
            out.writeInt(attributeNames.size());
            for (String name : attributeNames) {
                Binary.writeString(out, name);
            }
            for (CategoryCodes code : codes) {
                out.writeInt(code.size());
                int[] counts = code.counts();
                for (int i = 0; i < code.size(); i++) {
                    Binary.writeString(out, code.values().get(i));
                    out.writeInt(counts[i]);
                }
            }
            peers.write(out);
            for (int p = 0; p < PAIRINGS.size(); p++) {
                Binary.writeCounts(out, firstCounts.get(p), 1);
                Binary.writeCounts(out, pairCounts.get(p).joined(), 1);
            }
            Binary.writeCounts(out, caseCounts.joined(), 2);
            for (Tracks history : histories) {
                Binary.writeCounts(out, history.stored(), 2);
            }
            out.writeInt(kept.length);
            for (int column : kept) {
                out.writeInt(column);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static FeaturePipeline fromBytes(byte[] stored) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
            if (!MAGIC.equals(Binary.readString(in))) {
                throw new IllegalArgumentException("Not a stored feature pipeline");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("A feature pipeline of format " + format + " cannot be read here");
            }
            String currency = Binary.readString(in);
            double prior = in.readDouble();
            int attributeCount = Binary.checkedSize(in.readInt());
            List<String> attributes = new ArrayList<>();
            for (int i = 0; i < attributeCount; i++) {
                attributes.add(Binary.readString(in));
            }
            List<CategoryCodes> codes = new ArrayList<>();
            for (int k = 0; k < categoricalKeys(attributes).size(); k++) {
                int size = Binary.checkedSize(in.readInt());
                List<String> values = new ArrayList<>(size);
                int[] counts = new int[size];
                for (int i = 0; i < size; i++) {
                    values.add(Binary.readString(in));
                    counts[i] = in.readInt();
                }
                codes.add(new CategoryCodes(values, counts));
            }
            Peers peers = Peers.read(in);
            List<Map<String, int[]>> firstCounts = new ArrayList<>();
            List<PairTable<int[]>> pairCounts = new ArrayList<>();
            for (int i = 0; i < PAIRINGS.size(); i++) {
                firstCounts.add(Binary.readCounts(in, 1));
                pairCounts.add(PairTable.of(Binary.readCounts(in, 1)));
            }
            PairTable<int[]> caseCounts = PairTable.of(Binary.readCounts(in, 2));
            List<Key> keys = categoricalKeys(attributes);
            List<Tracks> histories = new ArrayList<>();
            for (Key key : HISTORIES) {
                histories.add(Tracks.of(key, keys, Binary.readCounts(in, 2)));
            }
            int keptCount = Binary.checkedSize(in.readInt());
            int[] kept = new int[keptCount];
            for (int i = 0; i < keptCount; i++) {
                kept[i] = in.readInt();
            }
            return new FeaturePipeline(
                    currency, attributes, codes, peers, firstCounts, pairCounts, caseCounts, histories, prior, kept);
        } catch (IOException e) {
            throw new IllegalArgumentException("A stored feature pipeline could not be read: " + e.getMessage(), e);
        }
    }
}
