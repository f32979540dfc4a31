package io.centerline.demo.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The manufacturer/shipper identification code of 19 CFR Part 102, Appendix: the country of origin (a province code
 * for Canada), the first three letters of each of the first two words of the name (three letters for a one-word
 * name; articles ignored, hyphenated parts joined), the largest number of the street address (up to four digits,
 * absent when there is none) and the first three letters of the city. Always at most 15 capital letters and digits.
 */
public final class ManufacturerId {

    /** The shape every code built here has. */
    public static final Pattern SHAPE = Pattern.compile("^[A-Z]{2}[A-Z]{2,6}[0-9]{0,4}[A-Z]{3}$");

    private static final Set<String> ARTICLES = Set.of("A", "AN", "AND", "OF", "THE");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private ManufacturerId() {}

    /** The code of a maker; {@code countryCode} is the ISO code of the country, or the province code in Canada. */
    public static String of(String countryCode, String name, String streetAddress, String city) {
        StringBuilder code = new StringBuilder(countryCode);
        List<String> words = words(name);
        if (words.size() == 1) {
            code.append(firstLetters(words.get(0), 3));
        } else {
            code.append(firstLetters(words.get(0), 3)).append(firstLetters(words.get(1), 3));
        }
        code.append(largestNumber(streetAddress));
        code.append(firstLetters(lettersOf(city), 3));
        String result = code.toString();
        if (result.length() > 15 || !SHAPE.matcher(result).matches()) {
            throw new IllegalArgumentException("No valid MID can be built for " + name + ", " + city);
        }
        return result;
    }

    private static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        for (String word : name.toUpperCase(Locale.ROOT).replace("-", "").split("[\\s,.]+")) {
            String letters = lettersOf(word);
            if (!letters.isEmpty() && !ARTICLES.contains(letters)) {
                words.add(letters);
            }
        }
        return words;
    }

    private static String largestNumber(String address) {
        Matcher matcher = NUMBER.matcher(address.replace(",", "").replace(".", ""));
        long largest = -1;
        String text = "";
        while (matcher.find()) {
            String found = matcher.group();
            long value = Long.parseLong(found.length() > 9 ? found.substring(0, 9) : found);
            if (value > largest) {
                largest = value;
                text = found.length() > 4 ? found.substring(0, 4) : found;
            }
        }
        return text;
    }

    private static String lettersOf(String text) {
        return text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
    }

    private static String firstLetters(String word, int count) {
        return word.length() <= count ? word : word.substring(0, count);
    }
}
