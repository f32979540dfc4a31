package io.centerline.targeting.rules;

import io.centerline.platform.ReferenceFiles;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;

/**
 * The names under which a text may name a country: the English name the JDK gives it ("China" for {@code CN}), and
 * the nationality word and alternative names that {@code reference/country-names.csv} lists ("Chinese", "PRC",
 * "People's Republic", "Mainland China").
 *
 * <p>A name is found as a whole word in any case, accents aside ("Turkiye" for "Türkiye"), with an optional plural s
 * ("Koreans"): its letters in order, whatever spaces, dots or hyphens come between them ("Viet Nam" for "Vietnam",
 * "U.K." for "UK"), and with or without the spaces, dots and apostrophes between its words ("Peoples Republic"); an
 * ampersand in a name reads as "and" too ("Trinidad and Tobago"). A name in capitals whose lower case is a short
 * English word ("US") is found in capitals only.
 */
final class CountryNames {

    static final String RESOURCE = "/reference/country-names.csv";

    /** Names of countries that are also common English words in lower case, as goods and trade speak of them. */
    private static final Set<String> COMMON_WORDS = Set.of(
            "china", "turkey", "chile", "chad", "guinea", "jordan", "georgia", "jersey", "polish", "japan", "panama",
            "cuba", "french", "swiss", "india");

    private static final Map<String, List<Pattern>> PATTERNS = patterns();

    private CountryNames() {}

    /**
     * The names of the country with an ISO 3166 two-letter code that a text writes, as it writes them, in the order of
     * the text; a name within a longer one is not told apart ("People's Republic of China", not also "China"). None for
     * a code that is not a country's.
     */
    static List<String> namedIn(String text, String code) {
        String folded = withoutAccents(text);
        List<MatchResult> found = new ArrayList<>();
        for (Pattern name : PATTERNS.getOrDefault(code, List.of())) {
            name.matcher(folded).results().forEach(found::add);
        }
        found.sort(Comparator.comparingInt((MatchResult name) -> name.start()).thenComparingInt(name -> -name.end()));
        Set<String> named = new LinkedHashSet<>();
        int end = 0;
        for (MatchResult name : found) {
            if (name.start() >= end) {
                named.add(text.substring(name.start(), name.end()));
                end = name.end();
            }
        }
        return List.copyOf(named);
    }

    private static Map<String, List<Pattern>> patterns() {
        Map<String, List<String>> names = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            String english = new Locale("", code)
                    .getDisplayCountry(Locale.ENGLISH)
                    .split("[,(]| SAR ")[0]
                    .strip();
            if (!english.isEmpty() && !english.equals(code)) {
                names.computeIfAbsent(code, c -> new ArrayList<>()).add(english);
            }
        }
        for (CSVRecord row : read()) {
            for (String name : row.get("names").split(";")) {
                if (!name.isBlank()) {
                    names.computeIfAbsent(row.get("code"), c -> new ArrayList<>())
                            .add(name.strip());
                }
            }
        }
        Map<String, List<Pattern>> patterns = new HashMap<>();
        names.forEach((code, of) -> patterns.put(
                code, of.stream().distinct().map(CountryNames::pattern).toList()));
        return Map.copyOf(patterns);
    }

    /** The rows of the reference file of country names. */
    static List<CSVRecord> read() {
        return ReferenceFiles.rows(RESOURCE);
    }

    /** The pattern that finds a name as a text may write it (see the class). */
    private static Pattern pattern(String name) {
        String folded = withoutAccents(name);
        StringBuilder regex = new StringBuilder("(?<!\\p{L})");
        StringBuilder between = new StringBuilder();
        boolean first = true;
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) {
                between.appendCodePoint(c);
                continue;
            }
            if (!first) {
                regex.append(
                        between.isEmpty()
                                ? "[\\s.\\-]?"
                                : between.indexOf("&") >= 0 ? "[\\s.\\-'’]*(?:&|and)[\\s.\\-'’]*" : "[\\s.\\-'’]*");
            }
            // a name that is also a common word in lower case ("china", "turkey") is the name only when capitalised
            regex.append(
                    first && COMMON_WORDS.contains(folded.toLowerCase(Locale.ROOT))
                            ? "(?-i:" + Pattern.quote(Character.toString(c)) + ")"
                            : Pattern.quote(Character.toString(c)));
            between.setLength(0);
            first = false;
        }
        regex.append("s?(?!\\p{L})");
        boolean capitalsOnly = RuleDraft.isCode(name);
        return Pattern.compile(regex.toString(), capitalsOnly ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * A text with each accented letter written without its accent, one character for one, so that a name is found at
     * the place the text writes it.
     */
    private static String withoutAccents(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            String letter = String.valueOf(text.charAt(i));
            String base = Normalizer.normalize(letter, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            plain.append(base.length() == 1 ? base : letter);
        }
        return plain.toString();
    }
}
