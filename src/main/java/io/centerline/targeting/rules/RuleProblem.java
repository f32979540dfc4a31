package io.centerline.targeting.rules;

/**
 * Why a rule, or part of it, was refused: the field of the request at fault, a stable code, and a message saying what
 * to change. Problems in the CEL expression carry the line and column (both from 1) where CEL found them, and the
 * expression's line with a caret under that column.
 */
public record RuleProblem(String field, String code, String message, Integer line, Integer column, String snippet) {

    public static RuleProblem of(String field, String code, String message) {
        return new RuleProblem(field, code, message, null, null, null);
    }
}
