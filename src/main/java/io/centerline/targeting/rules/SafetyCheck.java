package io.centerline.targeting.rules;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.bundle.Cel;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.CelComprehension;
import dev.cel.common.ast.CelReference;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.validator.CelAstValidator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks CEL's type-checker does not make, run on every rule before it is stored: the worst-case number of
 * comprehension iterations on one line must stay within {@link RuleLimits#MAX_ITERATIONS}, the worst-case number of
 * evaluation steps on one line within {@link RuleLimits#MAX_STEPS}, the pattern of every {@code matches} must be a
 * string literal that RE2 (the linear-time engine CEL runs it on) accepts within
 * {@link RuleLimits#MAX_REGEX_PROGRAM_SIZE}, and the worst-case work on texts on one line (regular expressions, text
 * searches and string concatenations) must stay within {@link RuleLimits#MAX_REGEX_WORK}.
 *
 * <p>The steps and the regular-expression work are bounded before the rule is stored, not only while it runs, because
 * a rule that can exceed its budget on some lines lets whoever writes those lines stop it: a filer who sent lines that
 * drive a stored rule past its budget would have it fail on them, and three stops would suspend it for everyone. A
 * {@code matches} is one step, but RE2's time grows with its pattern times its text, which the filer writes.
 */
final class SafetyCheck implements CelAstValidator {

    static final String ITERATIONS = "could run up to";
    private static final long CAP = 1_000_000_000_000L;

    @Override
    public void validate(CelNavigableAst navigableAst, Cel cel, IssuesFactory issues) {
        CelExpr root = navigableAst.getAst().getExpr();
        long iterations = iterations(root, 1, issues);
        long steps = steps(root, 1);
        if (iterations <= RuleLimits.MAX_ITERATIONS && steps > RuleLimits.MAX_STEPS) {
            issues.addError(
                    outermostComprehension(root).orElse(root).id(),
                    "This rule could take up to " + (steps >= CAP ? "more than " + CAP : steps)
                            + " evaluation steps on one line; at most " + RuleLimits.MAX_STEPS + " are allowed, so"
                            + " that no line can stop it. Test the cheap conditions first and outside comprehensions,"
                            + " iterate over shorter lists, or nest fewer comprehensions.");
        }
        RegexWork regexWork = new RegexWork(navigableAst.getAst());
        regexWork.add(root, 1, null, Map.of());
        if (iterations <= RuleLimits.MAX_ITERATIONS && regexWork.total > RuleLimits.MAX_REGEX_WORK) {
            String work = regexWork.total >= CAP ? "more than " + CAP : String.valueOf(regexWork.total);
            issues.addError(regexWork.costliestAt.id(), tooMuchWork(regexWork.costliestKind, work));
        }
        if (regexWork.longestJoin > RuleLimits.MAX_TEXT_LENGTH) {
            issues.addError(
                    regexWork.longestJoinAt.id(),
                    "This rule could build a text of up to "
                            + (regexWork.longestJoin >= CAP ? "more than " + CAP : regexWork.longestJoin)
                            + " characters on one line; at most " + RuleLimits.MAX_TEXT_LENGTH + " are allowed."
                            + " Compare the fields themselves rather than texts joined from them, and do not join a"
                            + " text that a comprehension hands on.");
        }
        if (regexWork.growingList != null) {
            issues.addError(
                    regexWork.growingList.id(),
                    "Lists may be joined with + only when both are written out in the rule or are fields: a list"
                            + " joined from what a comprehension hands on can double at every step.");
        }
        if (iterations > RuleLimits.MAX_ITERATIONS) {
            CelExpr outermost = outermostComprehension(root).orElse(root);
            issues.addError(
                    outermost.id(),
                    "This rule " + ITERATIONS + " " + (iterations >= CAP ? "more than " + CAP : iterations)
                            + " comprehension iterations (all, exists, exists_one, map, filter) on one line; at most "
                            + RuleLimits.MAX_ITERATIONS + " are allowed. Iterate over shorter lists, or nest fewer"
                            + " comprehensions; a list that is not written out in the rule counts as "
                            + RuleLimits.MAX_ITERATIONS + " elements.");
        }
    }

    /** Why a rule that could do more work on texts on one line than the bound allows is refused, by its costliest. */
    private static String tooMuchWork(RegexWork.Work costliest, String work) {
        String most = " at most " + RuleLimits.MAX_REGEX_WORK + " are allowed, so that no line can stop it.";
        String description = "(in characters; a description holds up to " + RuleFields.LONGEST_DESCRIPTION + ")";
        return switch (costliest) {
            case SEARCH ->
                "This rule could do up to " + work + " units of text-search work on one line;" + most
                        + " Each time a contains(), indexOf() or lastIndexOf() can run costs the length of the text it"
                        + " searches times the length of the text it looks for " + description + ", "
                        + RuleLimits.SEARCH_COMPARISONS_PER_UNIT + " to a unit: look for written-out words rather than"
                        + " for texts taken from the line, outside comprehensions.";
            case JOIN ->
                "This rule could do up to " + work + " units of text-joining work on one line;" + most
                        + " Each time a + of texts can run costs the length of the text it builds " + description + ", "
                        + RuleLimits.JOINED_CHARACTERS_PER_UNIT
                        + " to a unit: compare the fields themselves rather than"
                        + " texts joined from them, and join texts outside comprehensions.";
            case MATCHES ->
                "This rule could do up to " + work + " units of regular-expression work on one line;" + most
                        + " Each time a matches() can run costs the longest text it reads " + description + " times the"
                        + " size of its pattern, and each time after the first the compiling of its pattern again: call"
                        + " matches() outside comprehensions, once, on the shortest field that holds what you look for,"
                        + " with a shorter pattern.";
        };
    }

    /** The worst-case iterations of every comprehension below {@code expr}, each run {@code times} times. */
    private static long iterations(CelExpr expr, long times, IssuesFactory issues) {
        switch (expr.exprKind().getKind()) {
            case COMPREHENSION -> {
                CelComprehension comprehension = expr.comprehension();
                long inner = Math.min(CAP, times * rangeSize(comprehension.iterRange()));
                long total = inner;
                total += iterations(comprehension.iterRange(), times, issues);
                total += iterations(comprehension.accuInit(), times, issues);
                total += iterations(comprehension.loopCondition(), inner, issues);
                total += iterations(comprehension.loopStep(), inner, issues);
                total += iterations(comprehension.result(), times, issues);
                return Math.min(CAP, total);
            }
            default -> {
                if (expr.exprKind().getKind() == CelExpr.ExprKind.Kind.CALL) {
                    checkPattern(expr, issues);
                }
                long total = 0;
                for (CelExpr child : children(expr)) {
                    total = Math.min(CAP, total + iterations(child, times, issues));
                }
                return total;
            }
        }
    }

    /**
     * The worst-case evaluation steps of {@code expr} run {@code times} times: every node evaluated counts one step, as
     * the evaluation budget counts them, and nothing is taken to short-circuit. A comprehension evaluates its range,
     * its start value and its result once, its step once per element and its condition once more than that.
     */
    private static long steps(CelExpr expr, long times) {
        if (expr.exprKind().getKind() == CelExpr.ExprKind.Kind.COMPREHENSION) {
            CelComprehension comprehension = expr.comprehension();
            long inner = Math.min(CAP, times * rangeSize(comprehension.iterRange()));
            long total = times;
            total += steps(comprehension.iterRange(), times);
            total += steps(comprehension.accuInit(), times);
            total += steps(comprehension.loopCondition(), Math.min(CAP, inner + times));
            total += steps(comprehension.loopStep(), inner);
            total += steps(comprehension.result(), times);
            return Math.min(CAP, total);
        }
        long total = times;
        for (CelExpr child : children(expr)) {
            total = Math.min(CAP, total + steps(child, times));
        }
        return total;
    }

    /** The direct sub-expressions of an expression other than a comprehension. */
    private static List<CelExpr> children(CelExpr expr) {
        List<CelExpr> children = new ArrayList<>();
        switch (expr.exprKind().getKind()) {
            case CALL -> {
                expr.call().target().ifPresent(children::add);
                children.addAll(expr.call().args());
            }
            case LIST -> children.addAll(expr.list().elements());
            case MAP ->
                expr.map().entries().forEach(entry -> {
                    children.add(entry.key());
                    children.add(entry.value());
                });
            case STRUCT -> expr.struct().entries().forEach(entry -> children.add(entry.value()));
            case SELECT -> children.add(expr.select().operand());
            case COMPREHENSION -> {
                CelComprehension comprehension = expr.comprehension();
                children.addAll(List.of(
                        comprehension.iterRange(),
                        comprehension.accuInit(),
                        comprehension.loopCondition(),
                        comprehension.loopStep(),
                        comprehension.result()));
            }
            default -> {}
        }
        return children;
    }

    /**
     * The most elements a comprehension's range can hold: a written-out list or map holds its own, the list a
     * {@code map} or {@code filter} builds at most as many as the range it ran over, any other as many as
     * {@link RuleLimits#MAX_ITERATIONS}.
     */
    private static long rangeSize(CelExpr range) {
        return switch (range.exprKind().getKind()) {
            case LIST -> range.list().elements().size();
            case MAP -> range.map().entries().size();
            case COMPREHENSION -> rangeSize(range.comprehension().iterRange());
            default -> RuleLimits.MAX_ITERATIONS;
        };
    }

    /** The pattern of a {@code matches} call, or {@code null} for another call. */
    private static CelExpr patternOf(CelExpr call) {
        if (!"matches".equals(call.call().function())) {
            return null;
        }
        var arguments = call.call().args();
        return call.call().target().isPresent()
                ? (arguments.isEmpty() ? null : arguments.get(0))
                : (arguments.size() < 2 ? null : arguments.get(1));
    }

    /** The text a {@code matches} call runs its pattern on. */
    private static CelExpr textOf(CelExpr call) {
        return call.call().target().orElseGet(() -> call.call().args().get(0));
    }

    private static void checkPattern(CelExpr call, IssuesFactory issues) {
        CelExpr pattern = patternOf(call);
        if (pattern == null) {
            return;
        }
        if (pattern.exprKind().getKind() != CelExpr.ExprKind.Kind.CONSTANT
                || pattern.constant().getKind() != CelConstant.Kind.STRING_VALUE) {
            issues.addError(
                    pattern.id(),
                    "The pattern of matches() must be a string literal, so that it can be checked before the rule"
                            + " runs.");
            return;
        }
        String regex = pattern.constant().stringValue();
        if (regex.codePointCount(0, regex.length()) > RuleLimits.MAX_REGEX_LENGTH) {
            issues.addError(
                    pattern.id(),
                    "The regular expression is too long (" + regex.codePointCount(0, regex.length())
                            + " characters; at most " + RuleLimits.MAX_REGEX_LENGTH + "): it is compiled each time"
                            + " the rule runs.");
            return;
        }
        try {
            Pattern compiled = Pattern.compile(regex);
            if (compiled.programSize() > RuleLimits.MAX_REGEX_PROGRAM_SIZE) {
                issues.addError(
                        pattern.id(),
                        "The regular expression is too large (" + compiled.programSize() + " RE2 instructions; at most "
                                + RuleLimits.MAX_REGEX_PROGRAM_SIZE + ").");
            }
        } catch (PatternSyntaxException e) {
            issues.addError(
                    pattern.id(),
                    "Invalid regular expression for RE2 (no back-references or look-arounds): " + e.getMessage());
        }
    }

    /**
     * The worst-case work on texts of a rule on one line: regular expressions, text searches ({@link #addSearch}) and
     * string concatenations ({@link #addJoin}). RE2 steps every live instruction of a pattern over
     * every character of its text, so each time a {@code matches} can run (as often as the comprehensions around it
     * can iterate, nothing taken to short-circuit) costs the longest text it can run on times the instructions of its
     * pattern; cel-java compiles the pattern each time, so every run after the first also costs
     * {@link RuleLimits#REGEX_COMPILE_WORK_PER_CHARACTER} per character of the pattern. A pattern that is not a
     * literal RE2 accepts within {@link RuleLimits#MAX_REGEX_PROGRAM_SIZE} costs nothing here: {@link #checkPattern}
     * refuses it.
     *
     * <p>The longest text is that of a literal, the longest a field can hold ({@link RuleFields#longestText}), the sum
     * of its parts for a concatenation, the text it is taken from for {@code lowerAscii}, {@code upperAscii},
     * {@code trim} and {@code substring}, the longest element of the list a comprehension's variable runs over or a
     * written-out list or map is indexed in, and the longer branch of a conditional. Any other text is taken to be as
     * long as the longest field or literal, doubled for every string concatenation in the rule: a concatenation can
     * join a text to itself, inside a {@code map} for instance, and hand it on.
     */
    private static final class RegexWork {
        /** The kinds of work on texts the bound counts. */
        enum Work {
            MATCHES,
            SEARCH,
            JOIN
        }

        private static final Set<String> SEARCHES = Set.of("contains", "indexOf", "lastIndexOf");
        private static final Set<String> KEEPING_LENGTH =
                Set.of("lowerAscii", "upperAscii", "trim", "substring", "dyn", "bytes", "string");
        /** The names CEL's macros give the value they accumulate; a rule cannot write them. */
        private static final Set<String> ACCUMULATORS = Set.of("@result", "__result__");

        /**
         * Whether a value of the type is a text a concatenation can lengthen: a string, bytes, or a value of a type
         * known only when the rule runs ({@code dyn}), which may be either.
         */
        private static boolean textLike(CelType type) {
            return type.equals(SimpleType.STRING) || type.equals(SimpleType.BYTES) || type.equals(SimpleType.DYN);
        }

        private final CelAbstractSyntaxTree ast;
        private final long anyText;
        private long total;
        private long costliest = -1;
        private CelExpr costliestAt;
        /** What the costliest call does. */
        private Work costliestKind;
        /** The longest text a string concatenation of the rule can build, and where. */
        private long longestJoin;

        private CelExpr longestJoinAt;
        /** A list concatenation with an operand neither written out nor a field, if any. */
        private CelExpr growingList;

        RegexWork(CelAbstractSyntaxTree ast) {
            this.ast = ast;
            long[] longestAndJoins = {RuleFields.LONGEST_DESCRIPTION, 0};
            literalsAndJoins(ast.getExpr(), longestAndJoins);
            this.anyText = longestAndJoins[1] >= 40 ? CAP : Math.min(CAP, longestAndJoins[0] << longestAndJoins[1]);
        }

        /**
         * Adds the work of every {@code matches} below {@code expr}, run {@code times} times, inside
         * {@code outermost} (or none), with the longest texts of the comprehension variables in scope.
         */
        void add(CelExpr expr, long times, CelExpr outermost, Map<String, Long> variables) {
            if (expr.exprKind().getKind() == CelExpr.ExprKind.Kind.COMPREHENSION) {
                CelComprehension comprehension = expr.comprehension();
                long inner = Math.min(CAP, times * rangeSize(comprehension.iterRange()));
                CelExpr around = outermost == null ? expr : outermost;
                Map<String, Long> inside = new HashMap<>(variables);
                inside.put(comprehension.iterVar(), elementText(comprehension.iterRange(), false, variables));
                inside.put(comprehension.accuVar(), anyText);
                add(comprehension.iterRange(), times, outermost, variables);
                add(comprehension.accuInit(), times, outermost, variables);
                add(comprehension.loopCondition(), Math.min(CAP, inner + times), around, inside);
                add(comprehension.loopStep(), inner, around, inside);
                add(comprehension.result(), times, around, inside);
                return;
            }
            if (expr.exprKind().getKind() == CelExpr.ExprKind.Kind.CALL) {
                addMatches(expr, times, outermost, variables);
                addSearch(expr, times, outermost, variables);
                addJoin(expr, times, outermost, variables);
            }
            for (CelExpr child : children(expr)) {
                add(child, times, outermost, variables);
            }
        }

        private void addMatches(CelExpr call, long times, CelExpr outermost, Map<String, Long> variables) {
            CelExpr pattern = patternOf(call);
            if (pattern == null
                    || pattern.exprKind().getKind() != CelExpr.ExprKind.Kind.CONSTANT
                    || pattern.constant().getKind() != CelConstant.Kind.STRING_VALUE) {
                return;
            }
            String regex = pattern.constant().stringValue();
            int programSize;
            try {
                programSize = Pattern.compile(regex).programSize();
            } catch (PatternSyntaxException e) {
                return;
            }
            if (programSize > RuleLimits.MAX_REGEX_PROGRAM_SIZE) {
                return;
            }
            long matching = product(times, product(longestText(textOf(call), variables), programSize));
            long compiling = product(
                    times - 1,
                    product(regex.codePointCount(0, regex.length()), RuleLimits.REGEX_COMPILE_WORK_PER_CHARACTER));
            long work = Math.min(CAP, matching + compiling);
            total = Math.min(CAP, total + work);
            note(work, times, outermost, call, Work.MATCHES);
        }

        /**
         * Adds the work of a text search ({@code contains}, {@code indexOf}, {@code lastIndexOf}) run {@code times}
         * times: the longest text it searches times the longest text it looks for, in comparisons, counted
         * {@link RuleLimits#SEARCH_COMPARISONS_PER_UNIT} to a unit.
         */
        private void addSearch(CelExpr call, long times, CelExpr outermost, Map<String, Long> variables) {
            var search = call.call();
            if (!SEARCHES.contains(search.function())
                    || search.target().isEmpty()
                    || search.args().isEmpty()
                    || ast.getType(search.target().get().id())
                            .filter(RegexWork::textLike)
                            .isEmpty()) {
                return;
            }
            long comparisons = product(
                    longestText(search.target().get(), variables),
                    longestText(search.args().get(0), variables));
            long work = product(times, Math.max(1, comparisons / RuleLimits.SEARCH_COMPARISONS_PER_UNIT));
            total = Math.min(CAP, total + work);
            note(work, times, outermost, call, Work.SEARCH);
        }

        /** Keeps the costliest call, or the comprehension around it that runs it many times. */
        private void note(long work, long times, CelExpr outermost, CelExpr call, Work kind) {
            if (work > costliest) {
                costliest = work;
                costliestAt = times > 1 && outermost != null ? outermost : call;
                costliestKind = kind;
            }
        }

        /**
         * Notes the text a string concatenation can build, and a list concatenation that can grow; adds the work of a
         * string concatenation run {@code times} times: the longest text it builds, in characters, counted
         * {@link RuleLimits#JOINED_CHARACTERS_PER_UNIT} to a unit (each run copies the text it builds).
         */
        private void addJoin(CelExpr call, long times, CelExpr outermost, Map<String, Long> variables) {
            if (!"_+_".equals(call.call().function())) {
                return;
            }
            if (ast.getType(call.id()).filter(RegexWork::textLike).isPresent()) {
                long length = longestText(call, variables);
                if (length > longestJoin) {
                    longestJoin = length;
                    longestJoinAt = call;
                }
                long work = product(times, Math.max(1, length / RuleLimits.JOINED_CHARACTERS_PER_UNIT));
                total = Math.min(CAP, total + work);
                note(work, times, outermost, call, Work.JOIN);
            } else if (ast.getType(call.id()).filter(ListType.class::isInstance).isPresent()
                    && growingList == null
                    && !call.call().args().stream().allMatch(this::writtenOutOrField)) {
                growingList = call;
            }
        }

        /**
         * Whether a list joined is written out, a field, or the list a {@code map} or {@code filter} gathers its
         * results in (CEL's accumulator, which grows by one element an iteration and which no rule can name).
         */
        private boolean writtenOutOrField(CelExpr expr) {
            return expr.exprKind().getKind() == CelExpr.ExprKind.Kind.LIST
                    || (expr.exprKind().getKind() == CelExpr.ExprKind.Kind.IDENT
                            && ACCUMULATORS.contains(expr.ident().name()))
                    || ast.getReference(expr.id())
                            .filter(reference -> reference.overloadIds().isEmpty())
                            .map(CelReference::name)
                            .filter(RuleFields::exists)
                            .isPresent()
                    || (expr.exprKind().getKind() == CelExpr.ExprKind.Kind.IDENT
                            && RuleFields.exists(expr.ident().name()));
        }

        /** The most characters {@code expr} can hold when it is a text. */
        private long longestText(CelExpr expr, Map<String, Long> variables) {
            Optional<String> field = ast.getReference(expr.id())
                    .filter(reference -> reference.overloadIds().isEmpty())
                    .map(CelReference::name)
                    .filter(RuleFields::exists);
            if (field.isPresent()) {
                return RuleFields.longestText(field.get());
            }
            switch (expr.exprKind().getKind()) {
                case CONSTANT -> {
                    if (expr.constant().getKind() == CelConstant.Kind.STRING_VALUE) {
                        String text = expr.constant().stringValue();
                        return text.codePointCount(0, text.length());
                    }
                    return anyText;
                }
                case IDENT -> {
                    String name = expr.ident().name();
                    return RuleFields.exists(name)
                            ? RuleFields.longestText(name)
                            : variables.getOrDefault(name, anyText);
                }
                case CALL -> {
                    var call = expr.call();
                    var arguments = call.args();
                    switch (call.function()) {
                        case "_+_" -> {
                            long sum = 0;
                            for (CelExpr argument : arguments) {
                                sum = Math.min(CAP, sum + longestText(argument, variables));
                            }
                            return sum;
                        }
                        case "_?_:_" -> {
                            return Math.max(
                                    longestText(arguments.get(1), variables), longestText(arguments.get(2), variables));
                        }
                        case "_[_]" -> {
                            return elementText(arguments.get(0), true, variables);
                        }
                        case "charAt" -> {
                            return 1;
                        }
                        default -> {
                            if (KEEPING_LENGTH.contains(call.function())) {
                                if (call.target().isPresent()) {
                                    return longestText(call.target().get(), variables);
                                }
                                if (arguments.size() == 1) {
                                    return longestText(arguments.get(0), variables);
                                }
                            }
                            return anyText;
                        }
                    }
                }
                default -> {
                    return anyText;
                }
            }
        }

        /**
         * The longest text an element of a written-out list can be, or a key of a written-out map (its value when
         * {@code indexed}); {@link #anyText} for another range.
         */
        private long elementText(CelExpr range, boolean indexed, Map<String, Long> variables) {
            long longest = 0;
            switch (range.exprKind().getKind()) {
                case LIST -> {
                    for (CelExpr element : range.list().elements()) {
                        longest = Math.max(longest, longestText(element, variables));
                    }
                }
                case MAP -> {
                    for (var entry : range.map().entries()) {
                        longest = Math.max(longest, longestText(indexed ? entry.value() : entry.key(), variables));
                    }
                }
                default -> longest = anyText;
            }
            return longest;
        }

        /** Finds the longest string literal below {@code expr} and counts the string concatenations. */
        private void literalsAndJoins(CelExpr expr, long[] longestAndJoins) {
            if (expr.exprKind().getKind() == CelExpr.ExprKind.Kind.CONSTANT
                    && expr.constant().getKind() == CelConstant.Kind.STRING_VALUE) {
                String text = expr.constant().stringValue();
                longestAndJoins[0] = Math.max(longestAndJoins[0], text.codePointCount(0, text.length()));
            }
            if (expr.exprKind().getKind() == CelExpr.ExprKind.Kind.CALL
                    && "_+_".equals(expr.call().function())
                    && ast.getType(expr.id()).filter(RegexWork::textLike).isPresent()) {
                longestAndJoins[1]++;
            }
            for (CelExpr child : children(expr)) {
                literalsAndJoins(child, longestAndJoins);
            }
        }

        private static long product(long a, long b) {
            return a <= 0 || b <= 0 ? 0 : a > CAP / b ? CAP : Math.min(CAP, a * b);
        }
    }

    private static Optional<CelExpr> outermostComprehension(CelExpr expr) {
        if (expr.exprKind().getKind() == CelExpr.ExprKind.Kind.COMPREHENSION) {
            return Optional.of(expr);
        }
        return children(expr).stream()
                .map(SafetyCheck::outermostComprehension)
                .flatMap(Optional::stream)
                .findFirst();
    }
}
