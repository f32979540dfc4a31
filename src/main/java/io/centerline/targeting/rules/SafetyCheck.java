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
 * comprehension iterations on one line must stay within {@link RuleLimits#MAX_ITERATIONS}, and the pattern of every
 * {@code matches} must be a string literal that RE2 (the linear-time engine CEL runs it on) accepts within
 * {@link RuleLimits#MAX_REGEX_PROGRAM_SIZE}.
 */
final class SafetyCheck implements CelAstValidator {

    static final String ITERATIONS = "could run up to";
    private static final long CAP = 1_000_000_000_000L;

    @Override
    public void validate(CelNavigableAst navigableAst, Cel cel, IssuesFactory issues) {
        CelExpr root = navigableAst.getAst().getExpr();
        long iterations = iterations(root, 1, issues);
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
