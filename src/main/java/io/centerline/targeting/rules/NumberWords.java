package io.centerline.targeting.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reader of the numbers a text writes in words, as a value may be told that the text would not write in digits:
 * "two fifty", "two and one half", "twenty-five tenths", "one point five", "a quarter".
 *
 * <p>A phrase is a run of number words joined by spaces or hyphens only (a comma or full stop ends it): numbers from
 * zero to nineteen, the tens, "dozen", "hundred", "thousand", "million" and "billion"; fraction words; "point" before a number;
 * "a" or "an" before a scale or a fraction ("a hundred", "a half"); and "and" after a scale ("a hundred and fifty") or
 * before a fraction ("two and a half"), not between two counts ("lines one and two"). Half, halves and the plural
 * denominators (quarters, thirds, tenths, hundredths, ...) are always fractions; "quarter", "eighth", "tenth",
 * "hundredth", "thousandth" and "millionth" are fractions after a number or "a" ("a quarter", "one tenth"), and the
 * ordinals "third" to "ninth" after a number only, so that "a third country" and "the last quarter" are plain words.
 * A scale abbreviated or in the plural after a number ("ten grand", "five K", "ten thousands") and a count of a count
 * ("three in ten", "three out of ten") make the phrase tell a value.
 */
final class NumberWords {

    /** The numbers in words by their values. */
    private static final Map<String, Long> NUMBERS = Map.ofEntries(
            Map.entry("zero", 0L),
            Map.entry("nought", 0L),
            Map.entry("one", 1L),
            Map.entry("two", 2L),
            Map.entry("three", 3L),
            Map.entry("four", 4L),
            Map.entry("five", 5L),
            Map.entry("six", 6L),
            Map.entry("seven", 7L),
            Map.entry("eight", 8L),
            Map.entry("nine", 9L),
            Map.entry("ten", 10L),
            Map.entry("eleven", 11L),
            Map.entry("twelve", 12L),
            Map.entry("thirteen", 13L),
            Map.entry("fourteen", 14L),
            Map.entry("fifteen", 15L),
            Map.entry("sixteen", 16L),
            Map.entry("seventeen", 17L),
            Map.entry("eighteen", 18L),
            Map.entry("nineteen", 19L),
            Map.entry("twenty", 20L),
            Map.entry("thirty", 30L),
            Map.entry("forty", 40L),
            Map.entry("fifty", 50L),
            Map.entry("sixty", 60L),
            Map.entry("seventy", 70L),
            Map.entry("eighty", 80L),
            Map.entry("ninety", 90L),
            Map.entry("dozen", 12L),
            Map.entry("hundred", 100L),
            Map.entry("thousand", 1_000L),
            Map.entry("million", 1_000_000L),
            Map.entry("billion", 1_000_000_000L));

    /** The numbers in words as alternatives of a regular expression, longest first. */
    static final String ALTERNATION = String.join(
            "|",
            NUMBERS.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList());

    /** The numbers that multiply what comes before them. */
    private static final Set<String> SCALES = Set.of("dozen", "hundred", "thousand", "million", "billion");

    /** Fractions wherever they stand: half and the plural denominators. */
    private static final Set<String> FRACTIONS = Set.of(
            "half",
            "halves",
            "quarters",
            "thirds",
            "fourths",
            "fifths",
            "sixths",
            "sevenths",
            "eighths",
            "ninths",
            "tenths",
            "hundredths",
            "thousandths",
            "millionths");

    /** Fractions after "a", "an" or a number ("a tenth", "one tenth"). */
    private static final Set<String> COUNTED_BY_ARTICLE =
            Set.of("quarter", "eighth", "tenth", "hundredth", "thousandth", "millionth");

    /** Fractions after a number ("one third"); the ordinals among them are plain words after "a" ("a third country"). */
    private static final Set<String> COUNTED_BY_NUMBER = Set.of(
            "quarter",
            "eighth",
            "tenth",
            "hundredth",
            "thousandth",
            "millionth",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "ninth");

    /**
     * Scales that follow a number in words as a text abbreviates or pluralises it: "ten grand", "five K", "ten
     * thousands". Each counts as a number of the phrase, so that the phrase tells a value.
     */
    private static final Set<String> SCALES_AFTER_A_NUMBER =
            Set.of("grand", "k", "hundreds", "thousands", "millions", "billions", "bn", "mn");

    /** The words that join numbers and fractions in a phrase without being either. */
    private static final Set<String> CONNECTORS = Set.of("a", "an", "and");

    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    /** What joins two words of one phrase: spaces and hyphens, nothing else. */
    private static final Pattern JOIN = Pattern.compile("[\\s\\p{Pd}]+");

    private NumberWords() {}

    /**
     * A phrase of number words as a text writes it.
     *
     * @param numbers how many numbers it holds ("two fifty" two, "a hundred" one)
     * @param fraction whether it holds a fraction or a decimal point
     * @param value what a phrase of one number and no fraction is worth ("a thousand" 1000); absent for any other
     *     phrase, since it tells more than a count whatever its value
     */
    record Phrase(String text, int numbers, boolean fraction, BigDecimal value) {

        /** Whether the phrase tells more than a plain count: a compound number or a fraction. */
        boolean tellsAValue() {
            return numbers > 1 || fraction;
        }
    }

    /** A word of the text; {@code hyphened} when a dash joins it to the word before. */
    private record Word(String lower, int start, int end, boolean joined, boolean hyphened) {}

    private static final Pattern DASH = Pattern.compile("\\p{Pd}");

    /** The phrases of number words in a text, in order. */
    static List<Phrase> in(String text) {
        List<Word> words = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        int previousEnd = -1;
        while (word.find()) {
            String between = previousEnd >= 0 ? text.substring(previousEnd, word.start()) : "";
            boolean joined = previousEnd >= 0 && JOIN.matcher(between).matches();
            words.add(new Word(
                    word.group().toLowerCase(Locale.ROOT),
                    word.start(),
                    word.end(),
                    joined,
                    joined && DASH.matcher(between).find()));
            previousEnd = word.end();
        }
        List<Phrase> phrases = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            if (!opens(words, i)) {
                i++;
                continue;
            }
            int last = i;
            while (last + 1 < words.size() && words.get(last + 1).joined() && continues(words, last + 1)) {
                last++;
            }
            phrases.add(phrase(text, words.subList(i, last + 1)));
            i = last + 1;
        }
        return phrases;
    }

    private static Phrase phrase(String text, List<Word> words) {
        int numbers = 0;
        boolean fraction = false;
        Long value = null;
        for (Word word : words) {
            if (NUMBERS.containsKey(word.lower())) {
                numbers++;
                value = NUMBERS.get(word.lower());
            } else if (SCALES_AFTER_A_NUMBER.contains(word.lower())) {
                numbers++;
            } else if (!CONNECTORS.contains(word.lower())) {
                fraction = true;
            }
        }
        return new Phrase(
                text.substring(words.get(0).start(), words.get(words.size() - 1).end()),
                numbers,
                fraction,
                numbers == 1 && !fraction ? BigDecimal.valueOf(value) : null);
    }

    /** Whether a phrase starts at a word. */
    private static boolean opens(List<Word> words, int i) {
        String word = words.get(i).lower();
        if (word.equals("half") && halfOfACompound(words, i)) {
            return false;
        }
        return NUMBERS.containsKey(word)
                || FRACTIONS.contains(word)
                || (word.equals("a") || word.equals("an"))
                        && next(words, i, w -> SCALES.contains(w) || fractionAfterArticle(w))
                || word.equals("point") && next(words, i, NUMBERS::containsKey);
    }

    /**
     * Whether the "half" at {@code i} begins a compound word that tells no value ("half-finished", "half-year"): a dash
     * joins it to a word that is no number, fraction or scale.
     */
    private static boolean halfOfACompound(List<Word> words, int i) {
        if (i + 1 >= words.size() || !words.get(i + 1).hyphened()) {
            return false;
        }
        String next = words.get(i + 1).lower();
        return !NUMBERS.containsKey(next) && !FRACTIONS.contains(next) && !SCALES.contains(next);
    }

    /** Whether the word at {@code k} goes on the phrase that holds the word before it. */
    private static boolean continues(List<Word> words, int k) {
        String word = words.get(k).lower();
        String previous = words.get(k - 1).lower();
        return switch (word) {
            case "point" -> next(words, k, NUMBERS::containsKey);
            case "a", "an" -> next(words, k, w -> SCALES.contains(w) || fractionAfterArticle(w));
            // a share told in words as a count of a count: "three in ten", "three out of ten"
            case "in" -> NUMBERS.containsKey(previous) && next(words, k, NUMBERS::containsKey);
            case "out" ->
                NUMBERS.containsKey(previous)
                        && next(words, k, "of"::equals)
                        && next(words, k + 1, NUMBERS::containsKey);
            case "of" -> previous.equals("out") && next(words, k, NUMBERS::containsKey);
            case "and" ->
                SCALES.contains(previous) && next(words, k, NUMBERS::containsKey) || fractionFollows(words, k + 1);
            default ->
                NUMBERS.containsKey(word)
                        || FRACTIONS.contains(word)
                        || COUNTED_BY_NUMBER.contains(word) && NUMBERS.containsKey(previous)
                        || SCALES_AFTER_A_NUMBER.contains(word) && NUMBERS.containsKey(previous)
                        || COUNTED_BY_ARTICLE.contains(word) && (previous.equals("a") || previous.equals("an"));
        };
    }

    /** Whether a fraction starts at word {@code k}: "half", "a half", "one half", "one third". */
    private static boolean fractionFollows(List<Word> words, int k) {
        if (k >= words.size() || !words.get(k).joined()) {
            return false;
        }
        String word = words.get(k).lower();
        return FRACTIONS.contains(word)
                || (word.equals("a") || word.equals("an")) && next(words, k, NumberWords::fractionAfterArticle)
                || NUMBERS.containsKey(word)
                        && next(words, k, w -> FRACTIONS.contains(w) || COUNTED_BY_NUMBER.contains(w));
    }

    /** Whether a word is a fraction after "a" or "an". */
    private static boolean fractionAfterArticle(String word) {
        return FRACTIONS.contains(word) || COUNTED_BY_ARTICLE.contains(word);
    }

    /** Whether the word after {@code i} is joined to it and is one the test accepts. */
    private static boolean next(List<Word> words, int i, Predicate<String> test) {
        return i + 1 < words.size()
                && words.get(i + 1).joined()
                && test.test(words.get(i + 1).lower());
    }
}
