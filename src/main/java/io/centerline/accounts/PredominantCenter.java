package io.centerline.accounts;

import io.centerline.reference.CenterCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rule that places an account with a Center: the Center whose headings carry the largest part of the account's
 * trade by the chosen metric. On a tie the current Center keeps the account; between Centers new to it, the one
 * first in code order takes it, so the result never depends on the order rows were read.
 */
final class PredominantCenter {

    private PredominantCenter() {}

    /** Entered value and line count of an account's trade that fell to one Center. */
    record Trade(BigDecimal value, long lines) {

        Trade plus(Trade other) {
            return new Trade(value.add(other.value), lines + other.lines);
        }

        BigDecimal measure(AssignmentMetric metric) {
            return metric == AssignmentMetric.VALUE ? value : BigDecimal.valueOf(lines);
        }
    }

    static Optional<CenterCode> of(Map<CenterCode, Trade> trade, AssignmentMetric metric, CenterCode current) {
        BigDecimal best = trade.values().stream()
                .map(t -> t.measure(metric))
                .max(Comparator.naturalOrder())
                .orElse(BigDecimal.ZERO);
        if (best.signum() == 0 && trade.values().stream().allMatch(t -> t.lines() == 0)) {
            return Optional.ofNullable(current);
        }
        if (current != null
                && trade.containsKey(current)
                && trade.get(current).measure(metric).compareTo(best) == 0) {
            return Optional.of(current);
        }
        return trade.entrySet().stream()
                .filter(e -> e.getValue().measure(metric).compareTo(best) == 0)
                .map(Map.Entry::getKey)
                .min(Comparator.comparing(CenterCode::value));
    }

    /** When an account's Center is weighed on its trade, given the trade a chunk of intake brings. */
    enum Weighing {
        /** Before the chunk's summaries are routed: the account has no Center, or none weighed on the window in force. */
        NOW,
        /**
         * Once the whole batch is stored: some new trade falls to another Center, which may or may not overturn the
         * current one. Until then the chunk's summaries go to the Center the account has.
         */
        AFTER_BATCH,
        /** Not at all: all new trade falls to the account's Center, which can only widen its lead. */
        NOT_NEEDED
    }

    /**
     * When an account is weighed again for new trade. An account without a Center, or one weighed on an earlier
     * trailing window (or never), is weighed at once, since its summaries need a Center weighed on the window in force.
     * An account whose new trade all falls to its Center needs no weighing: on a tie the current Center keeps the
     * account. Any other account keeps its Center for the batch and is weighed once the batch is stored; so is one whose
     * Center loses trade (a correction lowering a value, or moving a line to another heading), which may let another
     * Center overtake it.
     *
     * @param gaining the Centers to which the chunk adds trade for the account
     * @param losing the Centers from which the chunk's corrections take trade away
     */
    static Weighing weighing(
            CenterCode current,
            LocalDate weighedOnWindow,
            LocalDate window,
            Collection<CenterCode> gaining,
            Collection<CenterCode> losing) {
        if (current == null || !window.equals(weighedOnWindow)) {
            return Weighing.NOW;
        }
        return gaining.stream().allMatch(current::equals) && !losing.contains(current)
                ? Weighing.NOT_NEEDED
                : Weighing.AFTER_BATCH;
    }

    /** Each Center's share of the trade in percent, to two decimals, largest first. */
    static Map<String, BigDecimal> shares(Map<CenterCode, Trade> trade, AssignmentMetric metric) {
        BigDecimal total = trade.values().stream().map(t -> t.measure(metric)).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        trade.entrySet().stream()
                .sorted(Comparator.comparing(
                                (Map.Entry<CenterCode, Trade> e) -> e.getValue().measure(metric))
                        .reversed()
                        .thenComparing(e -> e.getKey().value()))
                .forEach(e -> shares.put(
                        e.getKey().value(),
                        total.signum() == 0
                                ? BigDecimal.ZERO.setScale(2)
                                : e.getValue()
                                        .measure(metric)
                                        .multiply(BigDecimal.valueOf(100))
                                        .divide(total, 2, RoundingMode.HALF_UP)));
        return shares;
    }
}
