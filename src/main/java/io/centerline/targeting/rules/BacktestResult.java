package io.centerline.targeting.rules;

import java.util.List;

/** The outcome of asking for a backtest. */
public sealed interface BacktestResult {

    /** The backtest ran. */
    record Ran(BacktestReport report) implements BacktestResult {}

    /** The backtest was refused: the expression does not compile, or the period or Center is not valid. */
    record Refused(List<RuleProblem> problems) implements BacktestResult {}

    /** No rule version has this code and number. */
    record NotFound(String code, int version) implements BacktestResult {}
}
