package io.centerline.accounts;

import io.centerline.reference.CenterCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

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

    /** A hundred percent in hundredths of a percent: the shares of trade that has any sum to exactly this. */
    private static final long WHOLE = 10_000;

    /** A Center's share in hundredths of a percent, rounded down, and what rounding down left of it. */
    private record Part(CenterCode center, long hundredths, BigDecimal remainder) {}

    /**
     * Each Center's share of the trade in percent, to two decimals, largest first (then in code order). Only Centers
     * with trade by the metric are listed, and their shares sum to exactly 100.00: each share is rounded down to the
     * hundredth, and the hundredths this leaves over go one each to the Centers whose shares lost most in rounding
     * down, on equal losses to the first in code order (largest remainder). Without any trade there are no shares.
     */
    static Map<String, BigDecimal> shares(Map<CenterCode, Trade> trade, AssignmentMetric metric) {
        BigDecimal total = trade.values().stream()
                .map(t -> t.measure(metric))
                .filter(measure -> measure.signum() > 0)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Part> byLoss = trade.entrySet().stream()
                .filter(e -> e.getValue().measure(metric).signum() > 0)
                .map(e -> {
                    BigDecimal[] share = e.getValue()
                            .measure(metric)
                            .multiply(BigDecimal.valueOf(WHOLE))
                            .divideAndRemainder(total);
                    return new Part(e.getKey(), share[0].longValueExact(), share[1]);
                })
                .sorted(Comparator.comparing(Part::remainder)
                        .reversed()
                        .thenComparing(part -> part.center().value()))
                .toList();
        long left = WHOLE - byLoss.stream().mapToLong(Part::hundredths).sum();
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        IntStream.range(0, byLoss.size())
                .mapToObj(i -> i < left
                        ? new Part(byLoss.get(i).center(), byLoss.get(i).hundredths() + 1, BigDecimal.ZERO)
                        : byLoss.get(i))
                .sorted(Comparator.comparingLong(Part::hundredths)
                        .reversed()
                        .thenComparing(part -> part.center().value()))
                .forEach(part -> shares.put(part.center().value(), BigDecimal.valueOf(part.hundredths(), 2)));
        return shares;
    }

    /**
     * Stored shares in the order {@link #shares} gives them, largest first and then in code order: a basis read back
     * from the database keeps its shares but not their order.
     */
    static Map<String, BigDecimal> largestFirst(Map<String, BigDecimal> stored) {
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        stored.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> shares.put(e.getKey(), e.getValue()));
        return shares;
    }
}
