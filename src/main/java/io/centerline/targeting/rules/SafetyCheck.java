package io.centerline.targeting.rules;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.bundle.Cel;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.CelComprehension;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.validator.CelAstValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks CEL's type-checker does not make, run on every rule before it is stored: the worst-case number of
 * comprehension iterations on one line must stay within {@link RuleLimits#MAX_ITERATIONS}, the worst-case number of
 * evaluation steps on one line within {@link RuleLimits#MAX_STEPS}, and the pattern of every {@code matches} must be a
 * string literal that RE2 (the linear-time engine CEL runs it on) accepts within
 * {@link RuleLimits#MAX_REGEX_PROGRAM_SIZE}.
 *
 * <p>The steps are bounded before the rule is stored, not only while it runs, because a rule that can exceed its
 * budget on some lines lets whoever writes those lines stop it: a filer who sent lines that drive a stored rule past
 * its budget would have it fail on them, and three stops would suspend it for everyone.
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

    private static long rangeSize(CelExpr range) {
        return switch (range.exprKind().getKind()) {
            case LIST -> range.list().elements().size();
            case MAP -> range.map().entries().size();
            default -> RuleLimits.MAX_ITERATIONS;
        };
    }

    private static void checkPattern(CelExpr call, IssuesFactory issues) {
        if (!"matches".equals(call.call().function())) {
            return;
        }
        var arguments = call.call().args();
        CelExpr pattern = call.call().target().isPresent()
                ? (arguments.isEmpty() ? null : arguments.get(0))
                : (arguments.size() < 2 ? null : arguments.get(1));
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
