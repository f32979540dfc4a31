package io.centerline.targeting.detectors;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Fuzzy comparison of company names and of manufacturer identification codes (MIDs). Names are normalised (capitals,
 * no accents or punctuation, no legal-form words such as Co or Ltd) and compared by Jaro-Winkler similarity, both as
 * whole strings and word by word, so a misspelt, reordered or abbreviated name still scores high. A MID carries only
 * the first letters of a maker's name: its name part is compared with the name part built from a listed name by the
 * rules of 19 CFR Part 102, Appendix.
 */
final class Names {

    /** The shape of a MID: country (or Canadian province), 2 to 6 name letters, up to 4 digits, 3 city letters. */
    static final Pattern MID = Pattern.compile("^[A-Z]{2}[A-Z]{2,6}[0-9]{0,4}[A-Z]{3}$");

    private static final Set<String> ARTICLES = Set.of("A", "AN", "AND", "OF", "THE");
    private static final Set<String> LEGAL_FORMS = Set.of(
            "CO",
            "COMPANY",
            "CORP",
            "CORPORATION",
            "INC",
            "INCORPORATED",
            "LTD",
            "LIMITED",
            "LLC",
            "LLP",
            "PLC",
            "JSC",
            "GMBH",
            "AG",
            "SA",
            "SAS",
            "SAC",
            "SPA",
            "SRL",
            "BV",
            "NV",
            "KK",
            "PT",
            "PTE",
            "PTY",
            "PVT",
            "SDN",
            "BHD",
            "LTDA",
            "CV",
            "DE",
            "AS",
            "AB",
            "OY");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Names() {}

    /** A name in capitals with accents, punctuation and legal-form words removed and single spaces. */
    static String normalise(String name) {
        return String.join(" ", words(name));
    }

    /** A commercial description in capitals with accents and punctuation removed and single spaces. */
    static String normaliseDescription(String description) {
        String ascii = normalisedAscii(description);
        return ascii != null ? ascii : normalisedUnicode(description);
    }

    /**
     * The same normal form for text of plain ASCII, which has no marks to strip, in one pass without regular
     * expressions: scoring normalises every line's description twice. Null when the text is not plain ASCII.
     */
    static String normalisedAscii(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                return null;
            }
            if (c >= 'a' && c <= 'z') {
                c = (char) (c - ('a' - 'A'));
            }
            if (c == '&') {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append("AND");
                gap = true;
            } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                if (gap && !out.isEmpty()) {
                    out.append(' ');
                }
                out.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    static String normalisedUnicode(String description) {
        String plain = MARKS.matcher(Normalizer.normalize(description, Normalizer.Form.NFD))
                .replaceAll("")
                .toUpperCase(Locale.ROOT)
                .replace("&", " AND ");
        return NOT_ALPHANUMERIC.matcher(plain).replaceAll(" ").trim();
    }

    /** The words of a normalised name. */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        if (name == null) {
            return words;
        }
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD))
                .replaceAll("")
                .toUpperCase(Locale.ROOT)
                .replace("&", " AND ")
                .replace(".", "");
        for (String word :
                NOT_ALPHANUMERIC.matcher(plain).replaceAll(" ").trim().split(" ")) {
            if (!word.isEmpty() && !LEGAL_FORMS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    /**
     * How alike two names are, from 0 to 1: the better of the Jaro-Winkler similarity of the normalised names and the
     * mean, over the words of each name, of the similarity of the most alike word of the other.
     */
    static double similarity(String a, String b) {
        List<String> left = words(a);
        List<String> right = words(b);
        if (left.isEmpty() || right.isEmpty()) {
            return 0;
        }
        double whole = jaroWinkler(String.join(" ", left), String.join(" ", right));
        double byWord = (bestMatches(left, right) + bestMatches(right, left)) / 2;
        return Math.max(whole, byWord);
    }

    private static double bestMatches(List<String> from, List<String> to) {
        double sum = 0;
        for (String word : from) {
            double best = 0;
            for (String other : to) {
                best = Math.max(best, jaroWinkler(word, other));
            }
            sum += best;
        }
        return sum / from.size();
    }

    /** Whether a manufacturer field holds a MID rather than a name. */
    static boolean isMid(String text) {
        return text != null && MID.matcher(text).matches();
    }

    /**
     * The name part of a MID: what lies between the 2-letter country and the trailing digits and 3-letter city
     * ({@code CNXINEXA123XIN} gives {@code XINEXA}).
     */
    static String midNamePart(String mid) {
        String rest = mid.substring(2, mid.length() - 3);
        int end = rest.length();
        while (end > 0 && Character.isDigit(rest.charAt(end - 1))) {
            end--;
        }
        return rest.substring(0, end);
    }

    /**
     * The name part a maker of this name has in its MID: the first three letters of each of its first two words (of
     * its only word when it has one), English articles left out, hyphenated parts joined and runs of initials taken
     * as one word.
     */
    static String midNamePartOf(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder initials = new StringBuilder();
        for (String raw : name.toUpperCase(Locale.ROOT).replace("-", "").split("[\\s,]+")) {
            String letters = raw.replaceAll("[^A-Z]", "");
            boolean initial = letters.length() == 1 && (raw.endsWith(".") || raw.length() == 1);
            if (initial && !ARTICLES.contains(letters)) {
                initials.append(letters);
                continue;
            }
            if (initials.length() > 0) {
                words.add(initials.toString());
                initials.setLength(0);
            }
            if (!letters.isEmpty() && !ARTICLES.contains(letters)) {
                words.add(letters);
            }
        }
        if (initials.length() > 0) {
            words.add(initials.toString());
        }
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < Math.min(2, words.size()); i++) {
            String word = words.get(i);
            part.append(word, 0, Math.min(3, word.length()));
        }
        return part.toString();
    }

    /** The Jaro-Winkler similarity of two strings, from 0 (nothing alike) to 1 (equal). */
    static double jaroWinkler(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
        boolean[] matchedA = new boolean[a.length()];
        boolean[] matchedB = new boolean[b.length()];
        int matches = 0;
        for (int i = 0; i < a.length(); i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(b.length() - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        int j = 0;
        for (int i = 0; i < a.length(); i++) {
            if (matchedA[i]) {
                while (!matchedB[j]) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    transpositions++;
                }
                j++;
            }
        }
        double m = matches;
        double jaro = (m / a.length() + m / b.length() + (m - transpositions / 2.0) / m) / 3;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
