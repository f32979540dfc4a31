package io.centerline.targeting.detectors;

import io.centerline.targeting.Declaration;
import io.centerline.targeting.EntryUnderReview;
import io.centerline.targeting.Finding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Forced-labour link: a line whose manufacturer or seller matches an entity of the forced-labour entity list in force
 * on the entry date. Names are matched fuzzily ({@link Names#similarity}); a manufacturer identification code only
 * carries the first letters of the maker's name, so a MID is matched by comparing its name part with the one each
 * listed entity's name would give, in the entity's country.
 */
public final class ForcedLabourDetector extends TunableDetector {

    public static final String CODE = "forced-labour";
    static final String NAME_SIMILARITY = "nameSimilarity";
    static final String MID_SIMILARITY = "midSimilarity";

    private static final Set<String> CANADIAN_PROVINCES =
            Set.of("XA", "XB", "XC", "XM", "XN", "XO", "XP", "XQ", "XS", "XT", "XV", "XW", "XY");

    private record Listed(ForcedLabourEntity entity, String midNamePart) {}

    private record Version(ForcedLabourList list, List<Listed> entities) {}

    private record Match(Listed listed, String field, String value, double similarity, boolean byMid) {}

    private volatile List<Version> versions = List.of();

    public ForcedLabourDetector() {
        super(List.of(
                new Threshold(
                        NAME_SIMILARITY,
                        "The least similarity (Jaro-Winkler, 0 to 1) of a manufacturer or seller name to a listed name",
                        0.90,
                        0.5,
                        1),
                new Threshold(
                        MID_SIMILARITY,
                        "The least similarity (Jaro-Winkler, 0 to 1) of a MID's name letters to those of a listed name",
                        0.95,
                        0.5,
                        1)));
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String name() {
        return "Forced-labour entity link";
    }

    @Override
    public String description() {
        return "A line's manufacturer or seller matches an entity on the forced-labour entity list in force on the"
                + " entry date, by fuzzy name matching, or by the name letters of its manufacturer identification code.";
    }

    /** Takes every version of the entity list; each entry is matched against the version in force on its date. */
    public void useLists(List<ForcedLabourList> lists) {
        List<Version> prepared = new ArrayList<>();
        for (ForcedLabourList list : lists) {
            List<Listed> entities = new ArrayList<>();
            for (ForcedLabourEntity entity : list.entities()) {
                entities.add(new Listed(entity, Names.midNamePartOf(entity.name())));
            }
            prepared.add(new Version(list, List.copyOf(entities)));
        }
        prepared.sort(Comparator.comparing((Version v) -> v.list().effectiveFrom())
                .thenComparing(v -> v.list().version()));
        versions = List.copyOf(prepared);
    }

    @Override
    protected List<Finding> find(EntryUnderReview entry) {
        List<Finding> findings = new ArrayList<>();
        double nameThreshold = threshold(NAME_SIMILARITY);
        double midThreshold = threshold(MID_SIMILARITY);
        for (Declaration line : entry.lines()) {
            LocalDate date = line.entryDate() != null ? line.entryDate() : entry.entryDate();
            Version version = inForce(date);
            if (version == null) {
                continue;
            }
            Match best = null;
            for (Map.Entry<String, String> party : parties(line)) {
                Match match = bestMatch(version, party.getKey(), party.getValue());
                if (match == null) {
                    continue;
                }
                double threshold = match.byMid() ? midThreshold : nameThreshold;
                if (match.similarity() >= threshold && (best == null || match.similarity() > best.similarity())) {
                    best = match;
                }
            }
            if (best != null) {
                findings.add(finding(line, version.list(), best, best.byMid() ? midThreshold : nameThreshold));
            }
        }
        return findings;
    }

    private Version inForce(LocalDate date) {
        Version found = null;
        for (Version version : versions) {
            if (date == null || !version.list().effectiveFrom().isAfter(date)) {
                found = version;
            }
        }
        return found;
    }

    /** The manufacturer and any seller or manufacturer name a source carries among its further attributes. */
    private static List<Map.Entry<String, String>> parties(Declaration line) {
        List<Map.Entry<String, String>> parties = new ArrayList<>();
        if (!Texts.isBlank(line.manufacturer())) {
            parties.add(Map.entry("manufacturer", line.manufacturer().strip()));
        }
        line.attributes().forEach((key, value) -> {
            String lower = key.toLowerCase(Locale.ROOT);
            if ((lower.contains("seller") || lower.contains("manufacturer")) && !Texts.isBlank(value)) {
                parties.add(Map.entry(lower.contains("seller") ? "seller" : "manufacturer", value.strip()));
            }
        });
        return parties;
    }

    private static Match bestMatch(Version version, String field, String value) {
        boolean byMid = Names.isMid(value);
        String midPart = byMid ? Names.midNamePart(value) : null;
        String midCountry = byMid ? value.substring(0, 2) : null;
        Match best = null;
        for (Listed listed : version.entities()) {
            double similarity;
            if (byMid) {
                if (!sameCountry(listed.entity().country(), midCountry)
                        || listed.midNamePart().isEmpty()) {
                    continue;
                }
                similarity = Names.jaroWinkler(midPart, listed.midNamePart());
            } else {
                similarity = Names.similarity(value, listed.entity().name());
            }
            if (best == null || similarity > best.similarity()) {
                best = new Match(listed, field, value, similarity, byMid);
            }
        }
        return best;
    }

    private static boolean sameCountry(String listed, String midCountry) {
        return listed.isEmpty()
                || listed.equals(midCountry)
                || (listed.equals("CA") && CANADIAN_PROVINCES.contains(midCountry));
    }

    private Finding finding(Declaration line, ForcedLabourList list, Match match, double threshold) {
        ForcedLabourEntity entity = match.listed().entity();
        String about = entity.name() + " (" + (entity.country().isEmpty() ? "country not listed" : entity.country())
                + (entity.sector().isEmpty() ? "" : ", " + entity.sector()) + "; list version " + list.version()
                + " in force from " + list.effectiveFrom() + ")";
        String reason;
        double strength;
        double margin = threshold >= 1 ? 1 : (match.similarity() - threshold) / (1 - threshold);
        if (match.byMid()) {
            reason = match.field() + " MID " + Texts.filed(match.value()) + " matches listed entity " + about
                    + ": name letters "
                    + Names.midNamePart(match.value()) + " against "
                    + match.listed().midNamePart() + ", similarity "
                    + Texts.number(match.similarity());
            strength = 0.6 + 0.25 * margin;
        } else {
            reason = match.field() + " " + Texts.filed(match.value()) + " matches listed entity " + about
                    + ", similarity "
                    + Texts.number(match.similarity());
            strength = 0.75 + 0.25 * margin;
        }
        String tradeReason = "The supply chain of the goods on line " + line.lineNumber()
                + " is under review for the forced-labour import prohibitions (19 U.S.C. 1307 and the Uyghur Forced"
                + " Labor Prevention Act).";
        return finding(line.lineNumber(), reason, tradeReason, strength);
    }
}
