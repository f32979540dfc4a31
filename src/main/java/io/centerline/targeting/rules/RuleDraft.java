package io.centerline.targeting.rules;

import io.centerline.platform.Shown;
import io.centerline.reference.CenterCode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A rule as a targeter submits it, before it is checked: for a new rule every part it needs, for a new version the
 * parts that change (the others are taken from the latest version, see {@link #over(Rule)}).
 *
 * @param owner the username answerable for the rule; the submitting user when absent
 * @param center a Center code to scope the rule to, read in any case and kept in capitals as {@link CenterCode#written}
 *     reads it; absent for every Center (in a new version, absent keeps the latest version's scope and the empty
 *     string widens the rule to every Center)
 * @param strength from 0 to 1; 0.5 when absent
 * @param activeFrom the first day in force; the business date when absent (in a new version, the business date or the
 *     latest version's start if that is later)
 * @param activeTo the last day in force; open-ended when absent (in a new version, the latest version's end unless
 *     that is before the new start)
 */
public record RuleDraft(
        String code,
        String name,
        String owner,
        String center,
        String expression,
        String reasonTemplate,
        String tradeReason,
        Double strength,
        LocalDate activeFrom,
        LocalDate activeTo) {

    static final double DEFAULT_STRENGTH = 0.5;

    /** The fewest words of two or more letters a trade reason says. */
    static final int MIN_TRADE_REASON_WORDS = 3;

    private static final int MAX_NAME_LENGTH = 200;

    public RuleDraft {
        center = CenterCode.written(center);
    }

    /** The Center the rule is scoped to, or {@code null} for every Center. */
    String scope() {
        return center == null || center.isBlank() ? null : center;
    }

    /**
     * This draft as a new version of {@code latest}: what it leaves out is taken from the latest version. A version
     * without a start of its own starts on {@code today}, or where the latest starts if that is later (a rule planned
     * for a coming period keeps it); one without an end of its own ends where the latest ends, unless that is before
     * its start (a retired rule's new version is open-ended).
     */
    RuleDraft over(Rule latest, LocalDate today) {
        LocalDate from =
                activeFrom != null ? activeFrom : latest.activeFrom().isAfter(today) ? latest.activeFrom() : null;
        LocalDate start = from == null ? today : from;
        LocalDate to = activeTo != null
                ? activeTo
                : latest.activeTo() != null && !latest.activeTo().isBefore(start) ? latest.activeTo() : null;
        return new RuleDraft(
                latest.code().value(),
                name != null ? name : latest.name(),
                owner != null ? owner : latest.owner(),
                center != null
                        ? center
                        : latest.center() == null ? null : latest.center().value(),
                expression != null ? expression : latest.expression(),
                reasonTemplate != null ? reasonTemplate : latest.reasonTemplate(),
                tradeReason != null ? tradeReason : latest.tradeReason(),
                strength != null ? strength : latest.strength(),
                from,
                to);
    }

    /**
     * Whether this draft, completed over {@code latest} ({@link #over}), would only repeat it: the same content and
     * end, and no start of its own but the latest's.
     */
    boolean repeats(Rule latest) {
        return (activeFrom == null || activeFrom.equals(latest.activeFrom()))
                && Objects.equals(name, latest.name())
                && Objects.equals(owner, latest.owner())
                && Objects.equals(
                        scope(),
                        latest.center() == null ? null : latest.center().value())
                && Objects.equals(expression, latest.expression())
                && Objects.equals(reasonTemplate, latest.reasonTemplate())
                && Objects.equals(tradeReason == null ? null : tradeReason.strip(), latest.tradeReason())
                && Objects.equals(strength, latest.strength())
                && Objects.equals(activeTo, latest.activeTo());
    }

    /**
     * Every problem of the draft, or none: the code, name, owner, Center, expression (compiled in the environment),
     * reason template, trade reason, strength and period are each checked, and all problems are reported at once.
     *
     * @param today the business date, the default start of the active period
     */
    List<RuleProblem> problems(
            RuleEnvironment environment, Predicate<String> isCenter, Predicate<String> isUser, LocalDate today) {
        List<RuleProblem> problems = new ArrayList<>();
        if (code == null || code.isBlank()) {
            problems.add(RuleProblem.of("code", "REQUIRED", "A rule needs a code, e.g. CN-ALU-LOW-VALUE"));
        } else if (RuleCode.tryParse(code).isEmpty()) {
            problems.add(RuleProblem.of(
                    "code",
                    "RULE_CODE_FORMAT",
                    "A rule code is 3 to 40 capital letters and digits in words joined by hyphens, e.g."
                            + " CN-ALU-LOW-VALUE, not '" + Shown.value(code) + "'"));
        }
        if (name == null || name.isBlank()) {
            problems.add(RuleProblem.of("name", "REQUIRED", "A rule needs a name people can read"));
        } else if (name.length() > MAX_NAME_LENGTH) {
            problems.add(
                    RuleProblem.of("name", "TOO_LONG", "A rule's name has at most " + MAX_NAME_LENGTH + " characters"));
        }
        if (owner != null && !isUser.test(owner)) {
            problems.add(RuleProblem.of(
                    "owner",
                    "OWNER_UNKNOWN",
                    "There is no CBP user '" + Shown.value(owner)
                            + "' to own the rule (a filer's account cannot own one)"));
        }
        if (center != null && !center.isBlank() && !isCenter.test(center)) {
            problems.add(RuleProblem.of(
                    "center",
                    "CENTER_UNKNOWN",
                    "There is no Center '" + Shown.value(center) + "'; leave it out for a rule of every Center"));
        }
        if (environment.compile(expression) instanceof RuleEnvironment.Compilation.Refused refused) {
            problems.addAll(refused.problems());
        }
        if (ReasonTemplate.parse(reasonTemplate) instanceof ReasonTemplate.Parsed.Refused refused) {
            problems.addAll(refused.problems());
        }
        problems.addAll(tradeReasonProblems());
        if (strength != null && !(strength >= 0 && strength <= 1)) {
            problems.add(
                    RuleProblem.of("strength", "STRENGTH_RANGE", "The strength lies between 0 and 1, not " + strength));
        }
        LocalDate from = activeFrom == null ? today : activeFrom;
        if (activeFrom != null && activeFrom.isBefore(today)) {
            // summaries scored before a rule is stored are never scored again: a period in the past would claim days
            // on which the rule scored nothing
            problems.add(RuleProblem.of(
                    "activeFrom",
                    "DATE_IN_PAST",
                    "A rule is in force from the business date (" + today + ") or later, not " + activeFrom
                            + ": summaries scored before it was stored are not scored again; a backtest shows what it"
                            + " would have found"));
        }
        if (activeTo != null && activeTo.isBefore(from)) {
            problems.add(RuleProblem.of(
                    "activeTo",
                    "PERIOD_ORDER",
                    "The active period cannot end (" + activeTo + ") before it starts (" + from + ")"));
        }
        return problems;
    }

    /** The trade reason is plain words for the importer: required, and without placeholders or the rule's logic. */
    private List<RuleProblem> tradeReasonProblems() {
        if (tradeReason == null || tradeReason.isBlank()) {
            return List.of(RuleProblem.of(
                    "tradeReason",
                    "REQUIRED",
                    "A rule needs a trade reason: what the importer reads about why the entry is looked at"));
        }
        if (tradeReason.length() > RuleLimits.MAX_REASON_LENGTH) {
            return List.of(RuleProblem.of(
                    "tradeReason",
                    "TOO_LONG",
                    "The trade reason has at most " + RuleLimits.MAX_REASON_LENGTH + " characters"));
        }
        long words = WORD.matcher(tradeReason).results().count();
        if (words < MIN_TRADE_REASON_WORDS) {
            return List.of(RuleProblem.of(
                    "tradeReason",
                    "TRADE_REASON_TOO_SHORT",
                    "The trade reason tells the importer in words why the entry is looked at: at least "
                            + MIN_TRADE_REASON_WORDS + " words of two or more letters, and '"
                            + Shown.value(tradeReason.strip()) + "' has "
                            + (words == 0 ? "none" : "only " + words)));
        }
        if (!Normalizer.normalize(tradeReason, Normalizer.Form.NFKC).equals(tradeReason)
                || INVISIBLE.matcher(tradeReason).find()) {
            return revealing("written in plain characters, without invisible ones, full-width digits or fractions"
                    + " such as \u00BD, which would carry what the checks below refuse");
        }
        if (tradeReason.codePoints().anyMatch(c -> Character.isDigit(c) && (c < '0' || c > '9'))) {
            return revealing("digits written 0 to 9, not in another script, which would carry what the checks below"
                    + " refuse");
        }
        if (WORD.matcher(tradeReason).results().anyMatch(word -> mixesScripts(word.group()))) {
            return revealing(
                    "each word in one script, not Latin letters mixed with Cyrillic or Greek ones that look like"
                            + " them, which would carry what the checks below refuse");
        }
        if (tradeReason.contains("<") || tradeReason.contains(">")) {
            return revealing("no comparison signs or markup");
        }
        String lower = tradeReason.toLowerCase(Locale.ROOT);
        boolean namesAField = RuleFields.all().stream().anyMatch(field -> namedIn(lower, field.name()));
        boolean quotesTheExpression = expression != null
                && !expression.isBlank()
                && lower.contains(expression.strip().toLowerCase(Locale.ROOT));
        if (tradeReason.contains("{") || tradeReason.contains("}") || namesAField || quotesTheExpression) {
            return revealing("no placeholders, field names or rule logic");
        }
        boolean namesTheRule =
                code != null && !code.isBlank() && lower.contains(code.strip().toLowerCase(Locale.ROOT));
        if (namesTheRule
                || TARGETING_WORDS.matcher(tradeReason).find()
                || STATISTICAL_WORDS.matcher(tradeReason).find()
                || ARTIFICIAL_INTELLIGENCE.matcher(tradeReason).find()) {
            return revealing(
                    "not the rule's code, nor how targeting weighs an entry (its strength, score, threshold, detectors,"
                            + " risk model, statistical terms)");
        }
        List<String> countries = testedCountriesIn(tradeReason);
        if (!countries.isEmpty()) {
            return revealing("no country the rule tests, by any name (" + String.join(", ", countries) + ")");
        }
        List<String> quoted = testedValuesIn(tradeReason);
        if (!quoted.isEmpty()
                || MONEY_OR_SHARE.matcher(tradeReason).find()
                || CURRENCY_CODE_AMOUNT.matcher(tradeReason).find()) {
            return revealing("no amounts, shares or values the rule tests"
                    + (quoted.isEmpty() ? "" : " (" + String.join(", ", quoted) + ")"));
        }
        List<String> spoken = NumberWords.in(tradeReason).stream()
                .filter(NumberWords.Phrase::tellsAValue)
                .map(NumberWords.Phrase::text)
                .distinct()
                .toList();
        if (!spoken.isEmpty()) {
            return revealing("no numbers in words beyond a plain count (" + String.join(", ", spoken) + ")");
        }
        if (DIGIT_RUN
                .matcher(spelledDigits(tradeReason))
                .results()
                .anyMatch(run -> digitsOf(run.group()).length() >= 5)) {
            return revealing("no numbers of five or more digits, which are importer, HTS or entry numbers");
        }
        return List.of();
    }

    /**
     * Whether lower-case text names a field: whole ({@code line.unitValue}), or by its last part when that is a name
     * written in camel case ({@code unitValue}, {@code relatedParty}) rather than a plain word such as {@code quantity}.
     */
    private static boolean namedIn(String lower, String field) {
        if (lower.contains(field.toLowerCase(Locale.ROOT))) {
            return true;
        }
        String last = field.substring(field.lastIndexOf('.') + 1);
        return !last.equals(last.toLowerCase(Locale.ROOT)) && hasWord(lower, last);
    }

    /**
     * Whether a text holds a word of its own or its plural, in any case: "replica", "replicas", "box", "boxes"; not as
     * part of a longer word or number.
     */
    private static boolean hasWordOrPlural(String text, String word) {
        return Pattern.compile(
                        "(?<![\\p{Alnum}])" + Pattern.quote(word) + "(?:s|es)?(?![\\p{Alnum}])",
                        Pattern.CASE_INSENSITIVE)
                .matcher(text)
                .find();
    }

    /** Whether a text holds a word of its own, in any case: not as part of a longer word or number. */
    private static boolean hasWord(String text, String word) {
        return Pattern.compile("(?<![\\p{Alnum}])" + Pattern.quote(word) + "(?![\\p{Alnum}])", Pattern.CASE_INSENSITIVE)
                .matcher(text)
                .find();
    }

    /**
     * Whether a tested value is a code of two or three capitals that in lower case is a common English word, as some
     * country, unit and currency codes are ("IN", "BE", "NO", "ALL"): an honest reason uses the word ("declared in
     * this entry"), so only the code in capitals reveals the rule. Other codes ("CN") are refused in any case.
     */
    static boolean isCode(String value) {
        return value.length() <= 3
                && value.chars().allMatch(c -> c >= 'A' && c <= 'Z')
                && SHORT_WORDS.contains(value.toLowerCase(Locale.ROOT));
    }

    private static final Set<String> SHORT_WORDS = Set.of(
            "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no", "of", "on",
            "or", "so", "to", "up", "us", "we", "all", "and", "any", "are", "can", "for", "has", "its", "may", "new",
            "not", "now", "one", "our", "per", "the", "top", "was", "who", "you");

    /**
     * Whether a text writes a code of two or three letters with signs or spaces between them, as "C.N.", "C N" or "c-n"
     * write "CN": in capitals when the code is a common word in lower case ({@link #isCode}), in any case otherwise.
     */
    private static boolean lettersApartIn(String text, String value) {
        if (value.length() < 2 || value.length() > 3 || !value.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            return false;
        }
        String apart =
                value.chars().mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining("[\\s.\\-_/\u00B7]+"));
        return Pattern.compile(
                        "(?<![\\p{Alnum}])" + apart + "(?![\\p{Alnum}])", isCode(value) ? 0 : Pattern.CASE_INSENSITIVE)
                .matcher(text)
                .find();
    }

    /** Whether a text writes a code as a word of its own, in capitals. */
    private static boolean hasCode(String text, String code) {
        return Pattern.compile("(?<![\\p{Alnum}])" + Pattern.quote(code) + "(?![\\p{Alnum}])")
                .matcher(text)
                .find();
    }

    /** The refusal of a trade reason that tells the importer what only targeters read. */
    private static List<RuleProblem> revealing(String what) {
        return List.of(RuleProblem.of(
                "tradeReason",
                "TRADE_REASON_REVEALS_RULE",
                "The trade reason is plain words for the importer: " + what));
    }

    /** Numbers written in words, as amounts and thresholds would be told. */
    private static final String NUMBER_WORDS = NumberWords.ALTERNATION;

    /** Words of how targeting weighs an entry, which the trade never reads. */
    private static final Pattern TARGETING_WORDS = Pattern.compile(
            "\\b(strength|scores?|scored|scoring|thresholds?|detectors?|risk model|targeting|targeters?|machine[- ]learning"
                    + "|algorithms?|artificial intelligence|(statistical|predictive|scoring) models?"
                    + "|rules?'?s? (limits?|logic|conditions?|criteria|cut-?offs?)|(limits?|cut-?offs?) of the rules?)\\b",
            Pattern.CASE_INSENSITIVE);

    /** Characters no reader sees (zero-width spaces, direction marks, joiners), which could hide a number or code. */
    private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}");

    /**
     * Words of statistics, in which a rule's logic is told: "mean minus 3 sigma", "two standard deviations", "z-score",
     * "95th percentile". Plain words that an honest reason also uses ("average", "usual", "unusual", "mean" as a verb)
     * are not among them.
     */
    private static final Pattern STATISTICAL_WORDS = Pattern.compile(
            "\\b(standard deviations?|std\\.? ?dev|sigmas?|z[- ]?scores?|percentiles?|quantiles?|quartiles?|deciles?"
                    + "|variances?|regressions?|p[- ]values?|confidence intervals?|means? (plus|minus))\\b|σ",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** "AI", in capitals: as a word in lower case it is too common to refuse. */
    private static final Pattern ARTIFICIAL_INTELLIGENCE = Pattern.compile("\\bAI\\b");

    /**
     * A sum of money or a share: "$500,000", "US$ 3", "€3", "500000 USD", "3 dollars", "40 cents", "one dollar", "a
     * dollar", "5 bucks", "seven figures", "12%", "12 per cent".
     */
    private static final Pattern MONEY_OR_SHARE = Pattern.compile(
            "(\\p{Sc}|\\busd\\b)\\s*[\\d.,]*\\d|\\d[\\d,.]*\\s*(\\p{Sc}|%|per ?cent\\b|usd\\b|us dollars?\\b|dollars?\\b|cents?\\b"
                    + "|dimes?\\b|nickels?\\b|penny\\b|pennies\\b|euros?\\b|yuan\\b|renminbi\\b|bucks?\\b)|\\b("
                    + NUMBER_WORDS
                    + "|an?) (dollars?|cents?|dimes?|nickels?|penny|pennies|euros?|bucks?|percent|per cent)\\b|\\b("
                    + NUMBER_WORDS
                    + "|\\d+)[- ]figures?\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * A sum written with an ISO 4217 currency code in capitals, before or after the number: "USD 2.49", "3 EUR". The
     * codes are matched in capitals only, since some are English words in lower case ("all", "top").
     */
    private static final Pattern CURRENCY_CODE_AMOUNT;

    static {
        String codes = Currency.getAvailableCurrencies().stream()
                .map(Currency::getCurrencyCode)
                .sorted()
                .collect(Collectors.joining("|"));
        CURRENCY_CODE_AMOUNT =
                Pattern.compile("\\b(" + codes + ")\\b\\s*\\p{Sc}?\\s*[\\d.,]*\\d|\\d\\s*(" + codes + ")\\b");
    }

    /**
     * A value the expression tests: a string of two or more characters in double or single quotes, or a number.
     */
    private static final Pattern TESTED_VALUE =
            Pattern.compile("\"([^\"\\\\]{2,})\"|'([^'\\\\]{2,})'|(?<![\\w.])(\\d+(?:\\.\\d+)?)");

    /**
     * A number as a text may write it: {@code 2.50}, {@code .5}, {@code 1,000} or {@code 1 000} (thousands), or
     * {@code 0,5} (a decimal comma).
     */
    private static final Pattern NUMBER_IN_TEXT = Pattern.compile(
            "(?<![\\w.,])(?:(?<thousands>\\d{1,3}(?:[, ]\\d{3})+(?:\\.\\d+)?)|(?<comma>\\d+,\\d{1,2})(?!\\d)"
                    + "|(?<plain>\\d*\\.\\d+|\\d+))");

    /**
     * A run of digits, whatever spaces or signs a text writes between them (up to three at a place), as HTS numbers are
     * written ({@code 7604101000}, {@code 76.04}, {@code 7604.10.00}, {@code 76 04}, {@code 7604-10}, {@code 76/04},
     * {@code 76_04}).
     */
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[^\\p{L}\\p{N}\\n]{0,3}\\d)*");

    /**
     * A number with a scale or unit written after it, as amounts and shares are abbreviated: {@code 5k}, {@code 1M},
     * {@code 2 bn}, {@code 1e6}, {@code 30pct}, {@code 50c}, {@code 5 grand}, {@code 2 point 5} and {@code 2·5} (the
     * number after the point read as decimals, {@link #POINT}).
     */
    private static final Pattern SCALED_NUMBER = Pattern.compile(
            "(?<![\\w.,])(\\d+(?:[.,]\\d+)?)(?:e([+-]?\\d{1,2}))?\\s*(k|thousand|grand|m|mn|mio|million|b|bn|billion|pct|"
                    + "percent|per ?cent|%|c|\u00A2|cents?|)(?![\\p{L}\\d])",
            Pattern.CASE_INSENSITIVE);

    /** A decimal number told with a word or a raised dot for its point: {@code 2 point 5}, {@code 2·5}. */
    private static final Pattern POINT = Pattern.compile(
            "(?<![\\w.])(\\d+)(?:\\s*(?:point|\u00B7|\u2219|\u22C5)\\s*|\\s+\\.\\s*|\\.\\s+)(\\d+)(?![\\w.])",
            Pattern.CASE_INSENSITIVE);

    /** A share told as a count of a count: "3 in 10", "3 out of 10". */
    private static final Pattern RATIO =
            Pattern.compile("(?<![\\w.])(\\d{1,9})\\s+(?:in|out of)\\s+(\\d{1,9})(?![\\w.])", Pattern.CASE_INSENSITIVE);

    /** A number written with dots between thousands and a decimal comma: {@code 5.000,00}, {@code 1.000.000}. */
    private static final Pattern EUROPEAN_NUMBER =
            Pattern.compile("(?<![\\w.,])\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?(?![\\d.,])");

    /** What a scale or unit written after a number multiplies it by. */
    private static BigDecimal scale(String unit) {
        return switch (unit.replace(" ", "")) {
            case "k", "thousand", "grand" -> BigDecimal.valueOf(1_000);
            case "m", "mn", "mio", "million" -> BigDecimal.valueOf(1_000_000);
            case "b", "bn", "billion" -> BigDecimal.valueOf(1_000_000_000);
            case "pct", "percent", "%", "c", "\u00A2", "cent", "cents" -> new BigDecimal("0.01");
            default -> BigDecimal.ONE;
        };
    }

    /** A word of two or more letters. */
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

    /** A fraction written with a slash, as a threshold may be told: {@code 5/2} for 2.5. */
    private static final Pattern FRACTION = Pattern.compile("(?<![\\w.])(\\d{1,9})\\s*/\\s*(\\d{1,9})(?![\\w.])");

    /** The digits spelt one word each ("seven six zero four"), as a number may be told in words. */
    private static final Pattern DIGIT_WORD =
            Pattern.compile("\\b(zero|oh|one|two|three|four|five|six|seven|eight|nine)\\b", Pattern.CASE_INSENSITIVE);

    private static final List<String> DIGIT_WORDS =
            List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");

    /** A text with every digit spelt as a word written as the digit, so that a spelt number is read as a number. */
    private static String spelledDigits(String text) {
        return DIGIT_WORD.matcher(text).replaceAll(word -> {
            String lower = word.group(1).toLowerCase(Locale.ROOT);
            return String.valueOf(lower.equals("oh") ? 0 : DIGIT_WORDS.indexOf(lower));
        });
    }

    /**
     * The names, as the text writes them, of the countries the expression tests by their two-letter codes: their
     * English names ("Goods from Vietnam" for {@code "VN"}), nationality words and other names ("Chinese", "People's
     * Republic" for {@code "CN"}), as {@link CountryNames} finds them.
     */
    /** The ISO 3166 three-letter code of a two-letter country code, or null for none. */
    private static String alpha3(String alpha2) {
        if (!Arrays.asList(Locale.getISOCountries()).contains(alpha2)) {
            return null;
        }
        try {
            String code = new Locale("", alpha2).getISO3Country();
            return code.isEmpty() ? null : code;
        } catch (MissingResourceException e) {
            return null;
        }
    }

    private List<String> testedCountriesIn(String text) {
        List<String> named = new ArrayList<>();
        Matcher values = TESTED_VALUE.matcher(expression == null ? "" : expression);
        while (values.find()) {
            String value = values.group(1) != null ? values.group(1) : values.group(2);
            if (value == null || !value.matches("[A-Z]{2}")) {
                continue;
            }
            for (String name : CountryNames.namedIn(text, value)) {
                if (!named.contains(name)) {
                    named.add(name);
                }
            }
            boolean codeWritten = isCode(value) ? hasCode(text, value) : hasWord(text, value);
            if ((codeWritten || lettersApartIn(text, value)) && !named.contains(value)) {
                named.add(value);
            }
            // the country's three-letter code, as trade documents also write it ("CHN" for "CN")
            String alpha3 = alpha3(value);
            if (alpha3 != null && (hasCode(text, alpha3) || lettersApartIn(text, alpha3)) && !named.contains(alpha3)) {
                named.add(alpha3);
            }
        }
        return named;
    }

    /** A whole number and a fraction, as a threshold may be told: {@code 2 1/2}, {@code 2-1/2}, {@code 2 and 1/2}. */
    private static final Pattern MIXED_FRACTION = Pattern.compile(
            "(?<![\\w.])(\\d{1,9})(?:\\s+|\\s*-\\s*|\\s+and\\s+)(\\d{1,9})\\s*/\\s*(\\d{1,9})(?![\\w.])",
            Pattern.CASE_INSENSITIVE);

    /**
     * A part of an HTS number named by its level: {@code chapter 76}, {@code heading 04}, {@code subheading 10}, the
     * digits perhaps spaced ({@code 0 4}, as spelt digits are read).
     */
    private static final Pattern HTS_PART = Pattern.compile(
            "\\b(chapter|ch\\.|heading|sub-?heading)\\s*(?:no\\.?|number|#)?\\s*(\\d(?:[ .]?\\d){0,3})(?![\\w])",
            Pattern.CASE_INSENSITIVE);

    /**
     * Whether a text writes a tested string of four or more digits, such as an HTS prefix, as the chapter, heading and
     * subheading numbers it is made of, in any order: "chapter 76 heading 04" or "heading 04 of chapter 76" for
     * {@code "7604"}.
     */
    private static boolean headingIn(String text, String digits) {
        if (digits.length() < 4 || !digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        String chapter = null;
        String heading = null;
        String subheading = null;
        Matcher part = HTS_PART.matcher(text);
        while (part.find()) {
            String level = part.group(1).toLowerCase(Locale.ROOT).replace("-", "");
            String number = digitsOf(part.group(2));
            switch (level) {
                case "chapter", "ch." -> chapter = chapter == null && number.length() <= 2 ? pad(number) : chapter;
                case "heading" -> heading = heading == null ? number : heading;
                default -> subheading = subheading == null ? number : subheading;
            }
        }
        String written = heading == null
                ? null
                : heading.length() <= 2 && chapter != null
                        ? chapter + pad(heading)
                        : heading.length() == 4 ? heading : null;
        if (written == null) {
            return false;
        }
        List<String> spelt = new ArrayList<>(List.of(written));
        if (subheading != null && subheading.length() <= 2) {
            spelt.add(written + pad(subheading));
        }
        return spelt.stream().anyMatch(number -> number.startsWith(digits) || digits.startsWith(number));
    }

    /** A number of one digit written with two, as HTS numbers write their parts. */
    private static String pad(String number) {
        return number.length() == 1 ? "0" + number : number;
    }

    /** The numbers a text writes, by value. */
    private static List<BigDecimal> numbersIn(String text) {
        List<BigDecimal> numbers = new ArrayList<>();
        Matcher mixed = MIXED_FRACTION.matcher(text);
        while (mixed.find()) {
            BigDecimal denominator = new BigDecimal(mixed.group(3));
            if (denominator.signum() != 0) {
                numbers.add(new BigDecimal(mixed.group(1))
                        .add(new BigDecimal(mixed.group(2)).divide(denominator, MathContext.DECIMAL64)));
            }
        }
        Matcher fraction = FRACTION.matcher(text);
        while (fraction.find()) {
            BigDecimal denominator = new BigDecimal(fraction.group(2));
            if (denominator.signum() != 0) {
                numbers.add(new BigDecimal(fraction.group(1)).divide(denominator, MathContext.DECIMAL64));
            }
        }
        Matcher scaled = SCALED_NUMBER.matcher(text);
        while (scaled.find()) {
            BigDecimal number = new BigDecimal(scaled.group(1).replace(',', '.'));
            if (scaled.group(2) != null) {
                number = number.scaleByPowerOfTen(Integer.parseInt(scaled.group(2)));
            }
            numbers.add(number.multiply(scale(scaled.group(3).toLowerCase(Locale.ROOT))));
        }
        Matcher point = POINT.matcher(text);
        while (point.find()) {
            numbers.add(new BigDecimal(point.group(1) + "." + point.group(2)));
        }
        Matcher ratio = RATIO.matcher(text);
        while (ratio.find()) {
            BigDecimal of = new BigDecimal(ratio.group(2));
            if (of.signum() != 0) {
                numbers.add(new BigDecimal(ratio.group(1)).divide(of, MathContext.DECIMAL64));
            }
        }
        Matcher european = EUROPEAN_NUMBER.matcher(text);
        while (european.find()) {
            numbers.add(new BigDecimal(european.group().replace(".", "").replace(',', '.')));
        }
        Matcher written = NUMBER_IN_TEXT.matcher(text);
        while (written.find()) {
            String number = written.group("thousands") != null
                    ? written.group("thousands").replace(",", "").replace(" ", "")
                    : written.group("comma") != null
                            ? written.group("comma").replace(',', '.')
                            : written.group("plain");
            numbers.add(new BigDecimal(number));
        }
        return numbers;
    }

    /**
     * The words of four or more letters in a tested text that is not one word itself: the words a pattern or a phrase
     * looks for ({@code "(?i)(replica|knock.?off)"} looks for "replica" and "knock").
     */
    private static List<String> wordsOf(String value) {
        List<String> words = new ArrayList<>();
        Matcher letters = LETTER_RUN.matcher(value);
        String joined = "";
        int joinedEnd = -1;
        while (letters.find()) {
            String run = letters.group();
            if (run.length() >= 4 && run.length() < value.length()) {
                words.add(run);
            }
            joined = joinedEnd >= 0
                            && JOINING.matcher(value.substring(joinedEnd, letters.start()))
                                    .matches()
                    ? joined + run
                    : run;
            joinedEnd = letters.end();
            if (joined.length() > run.length() && joined.length() >= 4 && !words.contains(joined)) {
                words.add(joined);
            }
        }
        return words;
    }

    /** Letters, in a tested pattern or phrase. */
    private static final Pattern LETTER_RUN = Pattern.compile("\\p{L}+");

    /**
     * What a pattern may write between the parts of one word, that a text writes together: {@code knock.?off} looks for
     * "knockoff" as well as "knock-off".
     */
    private static final Pattern JOINING = Pattern.compile("[-.?*+ _\\[\\]]{1,5}");

    /** Whether a word mixes Latin letters with Cyrillic or Greek ones, as a look-alike spelling does. */
    private static boolean mixesScripts(String word) {
        boolean latin = false;
        boolean other = false;
        for (int i = 0; i < word.length(); ) {
            int c = word.codePointAt(i);
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            latin |= script == Character.UnicodeScript.LATIN;
            other |= script == Character.UnicodeScript.CYRILLIC || script == Character.UnicodeScript.GREEK;
            i += Character.charCount(c);
        }
        return latin && other;
    }

    /** Whether a number lies within 1% of another. */
    private static boolean near(BigDecimal number, BigDecimal other) {
        return number.subtract(other).abs().multiply(BigDecimal.valueOf(100)).compareTo(other.abs()) <= 0;
    }

    /** The digits of a run, without what is written between them. */
    private static String digitsOf(String run) {
        return run.replaceAll("[^0-9]", "");
    }

    /**
     * Whether a text writes a tested string of four or more digits, such as an HTS prefix, as a run of digits that
     * starts with it ({@code 7604101000}, {@code 76.04}, {@code 76 04}, {@code 7 6 0 4} for {@code "7604"}) or with
     * four or more of its first digits ({@code 7604.10} for {@code "7604101000"}).
     */
    private static boolean digitRunIn(String text, String digits) {
        if (digits.length() < 4 || !digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            String joined = digitsOf(run.group());
            if (joined.length() >= 4 && (joined.startsWith(digits) || digits.startsWith(joined))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The values the expression tests that the text quotes, and the rule's strength when the text writes it: a string
     * as a word of its own or a run of digits ({@link #digitRunIn}), a number by its value however written ({@code 2.5}
     * as {@code 2.50}), or by a number in words within 1% of it ("a thousand" for {@code 1000} or {@code 995}). A
     * strength of 0 or 1, and "zero" and "one" in words, are not looked for, since those numbers count things in plain
     * words.
     */
    private List<String> testedValuesIn(String text) {
        List<String> quoted = new ArrayList<>();
        List<BigDecimal> numbersInText = numbersIn(text);
        List<BigDecimal> numbersInWords = NumberWords.in(text).stream()
                .map(NumberWords.Phrase::value)
                .filter(n -> n != null && n.compareTo(BigDecimal.ONE) > 0)
                .toList();
        Matcher values = TESTED_VALUE.matcher(expression == null ? "" : expression);
        while (values.find()) {
            String number = values.group(3);
            String value = number != null ? number : values.group(1) != null ? values.group(1) : values.group(2);
            boolean inText = number != null
                    ? numbersInText.stream().anyMatch(n -> n.compareTo(new BigDecimal(number)) == 0)
                            || numbersInWords.stream().anyMatch(n -> near(n, new BigDecimal(number)))
                    : (isCode(value) ? hasCode(text, value) : hasWordOrPlural(text, value))
                            || lettersApartIn(text, value)
                            || digitRunIn(spelledDigits(text), value)
                            || headingIn(spelledDigits(text), value)
                            || wordsOf(value).stream().anyMatch(word -> hasWordOrPlural(text, word));
            if (inText && !quoted.contains(value)) {
                quoted.add(value);
            }
        }
        double weight = strength == null ? DEFAULT_STRENGTH : strength;
        if (weight > 0 && weight < 1) {
            BigDecimal written = BigDecimal.valueOf(weight);
            String value = written.stripTrailingZeros().toPlainString();
            if (numbersInText.stream().anyMatch(n -> n.compareTo(written) == 0) && !quoted.contains(value)) {
                quoted.add(value);
            }
        }
        return quoted;
    }
}
