package io.centerline.targeting.model;

import io.centerline.targeting.Declaration;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A trained risk model: its feature pipeline, its trees and its card. It scores a batch of lines at once (one matrix
 * per batch) and explains a line by the features that pushed its score up. The trees are walked in Java
 * ({@link TreeEnsemble}), to the bit as XGBoost would; the booster is kept to store them. It is immutable and safe to
 * share between threads; {@link #toBytes()} gives everything needed to load it again and score identically.
 */
public final class RiskModel {

    private static final String MAGIC = "centerline-risk-model";
    private static final int FORMAT = 1;
    private static final int REASONS = 3;
    /** How many lines {@link #score} takes through the features and trees together. */
    static final int LINES_TOGETHER = 256;

    private final FeaturePipeline pipeline;
    private final Booster booster;
    private final TreeEnsemble trees;
    private final ModelCard card;

    RiskModel(FeaturePipeline pipeline, Booster booster, ModelCard card) {
        this.pipeline = pipeline;
        this.booster = booster;
        this.trees = TreeEnsemble.of(booster);
        this.card = card;
        if (trees.features() != pipeline.features().size()) {
            throw new IllegalArgumentException("The risk model's trees read " + trees.features()
                    + " features, its pipeline gives " + pipeline.features().size());
        }
    }

    public ModelCard card() {
        return card;
    }

    public FeaturePipeline pipeline() {
        return pipeline;
    }

    /**
     * The probability of a finding for each line, in the order given. The lines' features are worked out
     * {@value #LINES_TOGETHER} lines at a time: the features of a whole intake chunk's lines would fill one array of
     * close to a megabyte, which the collector allocates outside its young generation and which, with the old
     * generation well filled, starts a cycle of concurrent marking each time.
     */
    public double[] score(List<Declaration> lines) {
        double[] scores = new double[lines.size()];
        for (int from = 0; from < lines.size(); from += LINES_TOGETHER) {
            int to = Math.min(lines.size(), from + LINES_TOGETHER);
            float[] margins = trees.margins(pipeline.transform(lines.subList(from, to)), to - from);
            for (int i = from; i < to; i++) {
                scores[i] = probability(margins[i - from]);
            }
        }
        return scores;
    }

    /**
     * The features that pushed the line's score up most, in words, with the specialist's and the trade's reasons. A
     * feature's push is its contribution along the line's paths through the trees ({@link TreeEnsemble#contributions}).
     */
    public Explanation explain(Declaration line) {
        float[] row = pipeline.transform(List.of(line));
        return explain(line, row, probability(trees.margins(row, 1)[0]));
    }

    /** The same for a line whose probability {@link #score} has already given. */
    public Explanation explain(Declaration line, double probability) {
        return explain(line, pipeline.transform(List.of(line)), probability);
    }

    private Explanation explain(Declaration line, float[] row, double probability) {
        float[] contributions = trees.contributions(row);
        List<FeaturePipeline.Feature> features = pipeline.features();
        Map<String, Explanation.Contribution> byWords = new LinkedHashMap<>();
        for (int j = 0; j < features.size(); j++) {
            FeaturePipeline.Feature feature = features.get(j);
            String words = pipeline.describe(j, line);
            double weight = contributions[j];
            Explanation.Contribution earlier = byWords.get(words);
            byWords.put(
                    words,
                    earlier == null
                            ? new Explanation.Contribution(feature.name(), feature.subject(), words, weight)
                            : new Explanation.Contribution(
                                    earlier.feature(), earlier.subject(), words, earlier.weight() + weight));
        }
        List<Explanation.Contribution> top = byWords.values().stream()
                .filter(c -> c.weight() > 0)
                .sorted((a, b) -> Double.compare(b.weight(), a.weight()))
                .limit(REASONS)
                .toList();
        return new Explanation(probability, top, reason(probability, top), tradeReason(line, top));
    }

    private static String reason(double probability, List<Explanation.Contribution> top) {
        String head = String.format(Locale.ROOT, "probability of a finding %.2f", probability);
        if (top.isEmpty()) {
            return head + "; nothing on this line raises it above the usual.";
        }
        return head + ", mainly: "
                + String.join(
                        "; ", top.stream().map(Explanation.Contribution::words).toList()) + ".";
    }

    private static String tradeReason(Declaration line, List<Explanation.Contribution> top) {
        Set<String> subjects = new LinkedHashSet<>();
        for (Explanation.Contribution contribution : top) {
            subjects.add(subject(contribution.subject(), line));
        }
        String which = line.lineNumber() > 0 ? "Line " + line.lineNumber() : "This line";
        if (subjects.isEmpty()) {
            return which + " was selected for a review of its entry data.";
        }
        List<String> named = new ArrayList<>(subjects);
        String joined = named.size() == 1
                ? named.get(0)
                : String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
        return which + " is being reviewed for " + joined + ".";
    }

    private static String subject(Subject subject, Declaration line) {
        switch (subject) {
            case CLASSIFICATION:
                return subject.words() + " (HTS " + Words.hts(FeaturePipeline.htsDigits(line, 10)) + ")";
            case ORIGIN:
                return FeaturePipeline.blank(line.countryOfOrigin())
                        ? subject.words()
                        : subject.words() + " (" + line.countryOfOrigin() + ")";
            default:
                return subject.words();
        }
    }

    /**
     * The logistic of a margin, in double precision: the booster's own single-precision probabilities round the
     * riskiest lines to ties at 1.0, and a ranking needs them apart.
     */
    static double probability(double margin) {
        return 1 / (1 + Math.exp(-margin));
    }

    /** The model as bytes: its card, its fitted pipeline and its trees (in XGBoost's UBJSON form). */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            Binary.writeString(out, MAGIC);
            out.writeInt(FORMAT);
            Binary.writeString(out, card.toJson());
            byte[] state = pipeline.toBytes();
            out.writeInt(state.length);
            out.write(state);
            byte[] trees = booster.toByteArray("ubj");
            out.writeInt(trees.length);
            out.write(trees);
        } catch (IOException | XGBoostError e) {
            throw new IllegalStateException("The risk model could not be written: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    public static RiskModel fromBytes(byte[] stored) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
            if (!MAGIC.equals(Binary.readString(in))) {
                throw new IllegalArgumentException("Not a stored risk model");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("A risk model of format " + format + " cannot be read here");
            }
            ModelCard card = ModelCard.fromJson(Binary.readString(in));
            FeaturePipeline pipeline = FeaturePipeline.fromBytes(block(in));
            Booster booster = XGBoost.loadModel(block(in));
            return new RiskModel(pipeline, booster, card);
        } catch (IOException | XGBoostError e) {
            throw new IllegalArgumentException("A stored risk model could not be read: " + e.getMessage(), e);
        }
    }

    private static byte[] block(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > stored(in)) {
            throw new IOException("A stored block cannot be " + length + " bytes long");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    private static int stored(DataInputStream in) throws IOException {
        return in.available();
    }
}
