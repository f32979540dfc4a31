package io.centerline.targeting.rules;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelSource;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.CelVarDecl;
import dev.cel.common.ast.CelReference;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelMathExtensions;
import dev.cel.extensions.CelStringExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.validator.CelValidator;
import dev.cel.validator.CelValidatorFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CEL environment targeters' rules are compiled in: the fields of {@link RuleFields}, each declared with its own
 * type; CEL's standard functions and macros; a side-effect-free subset of the string and math extensions; and no
 * function of Centerline's own. An expression compiles only if it parses, type-checks to a {@code bool} and passes
 * {@link SafetyCheck}, all within {@link RuleLimits}. Nothing in it can call Java, read a file or reach the network:
 * CEL has no such function, and no other is registered.
 *
 * <p>String functions that can multiply the length of a text ({@code replace}, {@code join}, {@code split},
 * {@code format}) and {@code cel.bind} are left out. A concatenation can still join a text or a list to itself and
 * hand it on through a comprehension, doubling it at every level: {@link SafetyCheck} bounds the text a concatenation
 * can build ({@link RuleLimits#MAX_TEXT_LENGTH}) and joins lists only when both are written out or fields.
 */
public final class RuleEnvironment {

    /** The string extension functions rules may call. */
    static final Set<CelStringExtensions.Function> STRING_FUNCTIONS = Set.of(
            CelStringExtensions.Function.CHAR_AT,
            CelStringExtensions.Function.INDEX_OF,
            CelStringExtensions.Function.LAST_INDEX_OF,
            CelStringExtensions.Function.LOWER_ASCII,
            CelStringExtensions.Function.UPPER_ASCII,
            CelStringExtensions.Function.SUBSTRING,
            CelStringExtensions.Function.TRIM);

    /** The math extension functions rules may call. */
    static final Set<CelMathExtensions.Function> MATH_FUNCTIONS = Set.of(
            CelMathExtensions.Function.MAX,
            CelMathExtensions.Function.MIN,
            CelMathExtensions.Function.ABS,
            CelMathExtensions.Function.CEIL,
            CelMathExtensions.Function.FLOOR,
            CelMathExtensions.Function.ROUND,
            CelMathExtensions.Function.TRUNC,
            CelMathExtensions.Function.SIGN);

    private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']*)'");
    private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    private static final Set<String> GROUPS = Set.of("entry", "line", "account", "history");

    /** What CEL says of a {@code has()} whose argument is not a field selected from a message. */
    private static final String NOT_A_SELECTION = "does not select a field";

    private final Cel cel;
    private final Cel partialCel;
    private final CelValidator validator;

    public RuleEnvironment() {
        this.cel = build(false);
        this.partialCel = build(true);
        this.validator = CelValidatorFactory.standardCelValidatorBuilder(cel)
                .addAstValidators(new SafetyCheck())
                .build();
    }

    /** The outcome of compiling an expression. */
    public sealed interface Compilation {
        /** The expression is a valid, safe rule. */
        record Compiled(CompiledRule rule) implements Compilation {}

        /** The expression was refused, with every problem found. */
        record Refused(List<RuleProblem> problems) implements Compilation {}
    }

    /** Compiles an expression, refusing it with CEL's messages (line and column) when it is not a valid, safe rule. */
    public Compilation compile(String expression) {
        if (expression == null || expression.isBlank()) {
            return refused(RuleProblem.of("expression", "REQUIRED", "A rule needs a CEL expression"));
        }
        if (expression.length() > RuleLimits.MAX_EXPRESSION_LENGTH) {
            return refused(RuleProblem.of(
                    "expression",
                    "EXPRESSION_TOO_LONG",
                    "The expression has " + expression.length() + " characters; at most "
                            + RuleLimits.MAX_EXPRESSION_LENGTH + " are allowed"));
        }
        CelValidationResult compiled;
        try {
            compiled = cel.compile(expression);
        } catch (RuntimeException | StackOverflowError e) {
            return refused(
                    RuleProblem.of("expression", "RULE_DOES_NOT_COMPILE", "The expression cannot be read: " + e));
        }
        if (compiled.hasError()) {
            return new Compilation.Refused(problems(expression, compiled, "RULE_DOES_NOT_COMPILE"));
        }
        try {
            CelAbstractSyntaxTree ast = compiled.getAst();
            CelValidationResult checked = validator.validate(ast);
            if (checked.hasError()) {
                return new Compilation.Refused(problems(expression, checked, "RULE_EXCEEDS_LIMITS"));
            }
            Set<String> fields = new TreeSet<>();
            for (CelReference reference : ast.getReferenceMap().values()) {
                if (reference.overloadIds().isEmpty() && RuleFields.exists(reference.name())) {
                    fields.add(reference.name());
                }
            }
            return new Compilation.Compiled(
                    new CompiledRule(expression, cel.createProgram(ast), partialCel.createProgram(ast), fields));
        } catch (CelValidationException | CelEvaluationException e) {
            return refused(RuleProblem.of("expression", "RULE_DOES_NOT_COMPILE", e.getMessage()));
        }
    }

    private static Compilation refused(RuleProblem problem) {
        return new Compilation.Refused(List.of(problem));
    }

    private static List<RuleProblem> problems(String expression, CelValidationResult result, String code) {
        CelSource source = result.getSource();
        List<RuleProblem> problems = new ArrayList<>();
        for (CelIssue issue : result.getErrors()) {
            int line = issue.getSourceLocation().getLine();
            int column = issue.getSourceLocation().getColumn();
            if (line <= 0) {
                problems.add(RuleProblem.of("expression", code, explain(expression, issue.getMessage(), -1)));
                continue;
            }
            int offset = source.getLocationOffset(line, column).orElse(-1);
            String snippet = source.getSnippet(line)
                    .map(text -> text + "\n" + " ".repeat(Math.max(0, column)) + "^")
                    .orElse(null);
            problems.add(new RuleProblem(
                    "expression", code, explain(expression, issue.getMessage(), offset), line, column + 1, snippet));
        }
        return problems;
    }

    /**
     * CEL's message, with the field meant when it names an unknown one, what a group of fields is when it is read as a
     * whole, why {@code has()} does not take a field, and a word on what rules may call.
     */
    private static String explain(String expression, String message, int offset) {
        if (message.contains(NOT_A_SELECTION)) {
            return "has() asks whether a message carries a field, and the fields of the catalogue are not parts of a"
                    + " message but variables that always hold a value: text a line leaves out reads as \"\", and"
                    + " line.hasQuantity and line.hasGrossWeight say whether a figure was declared. (CEL: " + message
                    + ")";
        }
        Matcher undeclared = UNDECLARED.matcher(message);
        if (!undeclared.find()) {
            return message;
        }
        String name = undeclared.group(1);
        if (GROUPS.contains(name) && offset >= 0) {
            Matcher path = PATH.matcher(expression);
            if (path.find(offset) && path.start() == offset) {
                String field = path.group();
                if (GROUPS.contains(field)) {
                    return "'" + field + "' is no field nor variable of its own but the group of the " + field
                            + " fields, which a rule reads one by one, such as '" + example(field) + "'. The fields"
                            + " rules may read are listed at GET /api/v1/targeting/rules/fields. (CEL: " + message
                            + ")";
                }
                String nearest = nearest(field);
                return "Unknown field '" + field + "'" + (nearest == null ? "." : "; did you mean '" + nearest + "'?")
                        + " The fields rules may read are listed at GET /api/v1/targeting/rules/fields. (CEL: "
                        + message + ")";
            }
        }
        return message + ". Rules may read only the fields of the catalogue and call CEL's standard functions and"
                + " macros, the string functions charAt, indexOf, lastIndexOf, lowerAscii, upperAscii, substring and"
                + " trim, and the math functions greatest, least, abs, ceil, floor, round, trunc and sign.";
    }

    /** The first field of a group in the catalogue. */
    private static String example(String group) {
        return RuleFields.all().stream()
                .map(RuleField::name)
                .filter(name -> name.startsWith(group + "."))
                .findFirst()
                .orElse(group);
    }

    private static String nearest(String name) {
        return RuleFields.all().stream()
                .map(RuleField::name)
                .min(Comparator.comparingInt(candidate -> distance(candidate, name)))
                .filter(candidate -> distance(candidate, name) <= Math.max(2, name.length() / 4))
                .orElse(null);
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Cel build(boolean unknowns) {
        CelOptions options = CelOptions.current()
                .maxExpressionCodePointSize(RuleLimits.MAX_EXPRESSION_LENGTH)
                .maxParseRecursionDepth(RuleLimits.MAX_NESTING)
                .maxParseExpressionNodeCount(RuleLimits.MAX_NODES)
                .comprehensionMaxIterations(RuleLimits.MAX_ITERATIONS)
                .maxRegexProgramSize(RuleLimits.MAX_REGEX_PROGRAM_SIZE)
                .enableHeterogeneousNumericComparisons(true)
                .enableUnknownTracking(unknowns)
                .build();
        List<CelVarDecl> fields = RuleFields.all().stream()
                .map(field ->
                        CelVarDecl.newVarDeclaration(field.name(), field.type().celType()))
                .toList();
        CelStringExtensions strings = CelExtensions.strings(STRING_FUNCTIONS);
        CelMathExtensions math = CelExtensions.math(options, MATH_FUNCTIONS);
        return CelFactory.standardCelBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVarDeclarations(fields)
                .addCompilerLibraries(strings, math)
                .addRuntimeLibraries(strings, math)
                .setResultType(SimpleType.BOOL)
                .build();
    }
}
