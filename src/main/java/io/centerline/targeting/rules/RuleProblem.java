package io.centerline.targeting.rules;

/**
 * Why a rule, or part of it, was refused: the field of the request at fault, a stable code, and a message saying what
 * to change. Problems in the CEL expression carry the line and column (both from 1) where CEL found them, and the
 * expression's line with a caret under that column.
 */
public record RuleProblem(String field, String code, String message, Integer line, Integer column, String snippet) {

    /** The most characters of what a request sent that a message quotes. */
    static final int MAX_QUOTED = 40;

    public static RuleProblem of(String field, String code, String message) {
        return new RuleProblem(field, code, message, null, null, null);
    }

    /** What a request sent as a message quotes it: whole when short, otherwise its first {@value #MAX_QUOTED} characters. */
    public static String shown(String given) {
        return given == null || given.length() <= MAX_QUOTED ? given : given.substring(0, MAX_QUOTED) + "\u2026";
    }
}
