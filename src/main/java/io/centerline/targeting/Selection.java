package io.centerline.targeting;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fills each Center's weekly review capacity as scored entry summaries arrive.
 *
 * <p>Every summary first takes part in the random control draw, whatever its score, so that the control sample is a
 * true random sample of the Center's entries and its hit rate is an honest baseline. The week's control items are the
 * capacity's share of it over time ({@link Capacity#itemsIn}), and they go to the summaries of the week whose draws
 * are lowest, whenever they arrive: a summary drawn lower than one holding a control item takes its place, as a
 * reservoir sample keeps its items. So every summary of a week has the same chance of the sample, whether it is filed
 * first or last, in a quiet week or a busy one, and no filer can keep out of it by the order of its filings. To spare
 * needless changes of selection, a summary enters a week whose control items are not all taken only when its draw is
 * below {@value #CONTROL_ADMISSION} times the week's share of control items in its expected volume; the lowest draws
 * of a week fall below that unless the week brings a small fraction of what it is expected to. The rest of the capacity goes to the riskiest
 * candidates: a summary is selected when its score reaches the threshold that would have selected the risk share of
 * the week's expected volume from the Center's recent scores. Once the week's risk items are taken, a summary that
 * ranks above the lowest ranked of them takes its place, and that one is no longer selected, so the week's items hold
 * the highest ranked of the week so far. A selection of a round that another intake thread is still storing gives way
 * as well: the decision takes effect at once in memory, and in the database once both rounds have committed (nothing
 * of it if either rolls back), so that two rounds stored side by side fill a week as one would. A selection whose
 * review outcome is recorded never gives way.
 *
 * <p>Trusted partners' entries are selected at the reduced share of the others' rate, in the draw, by the threshold
 * and in the competition for a full week's items: a summary ranks by its score, but a trusted partner's by its
 * {@linkplain CenterState#standing standing}, the score whose share of the Center's recent scores at or above it is
 * its own share divided by {@code trustedPartnerFactor}. So a trusted summary in the top p of recent scores competes
 * as one in the top p / factor, as the threshold selects it: when trusted and other summaries score alike, trusted
 * ones keep items at about the factor times the others' rate. The stored score is the summary's risk and does not
 * change, and a reviewed selection never gives way.
 *
 * <p>Weeks run Monday to Sunday by entry date, each under the capacity in force at its end (today while it runs); the
 * counts and risk selections of a week not in memory are read from the stored assessments, and a round that rolls back
 * makes its Centers read them again. A week that holds more selections for risk or for the control sample than the
 * capacity now in force gives it (lowered while it runs) keeps them, since they are review work given out, and selects
 * nothing more, for risk or for the control sample, in place of another or not, while it holds more. Once it no longer
 * does, the summaries it turned away meanwhile compete for risk items as they would have on arrival, before anything
 * else is decided for the week.
 */
@Component
class Selection {

    private static final int RECENT_SCORES = 2_048;
    private static final int MIN_SCORES_FOR_THRESHOLD = 50;
    private static final double COLD_START_THRESHOLD = 0.5;
    private static final double ASSUMED_SELECTION_RATE = 0.05;
    private static final int WEEKS_OF_VOLUME = 4;
    /** How many times its share of control items in the expected volume a draw may be to enter a week not yet full. */
    private static final double CONTROL_ADMISSION = 8;

    private static final int RESORT_EVERY = 64;

    /** The most summaries a week keeps of those it turned away, its riskiest, to take a risk item that falls free. */
    static final int RESERVE = 64;
    /**
     * Weeks of counts kept per Center: twenty years, so that a week whose selections are still being stored is never
     * forgotten and read back short from the database.
     */
    private static final int WEEKS_KEPT = 1_044;

    private final StoredWeeks stored;
    private final CapacityInForce capacities;
    private final Clock clock;
    private final long seed;
    private final Map<String, CenterState> centers = new ConcurrentHashMap<>();
    private final AtomicLong selections = new AtomicLong();

    @Autowired
    Selection(JdbcClient jdbc, Capacities capacities, Clock clock, ControlSeed seed) {
        this(
                new StoredWeeks() {
                    @Override
                    public Week read(String center, LocalDate week) {
                        return Selection.read(jdbc, center, week);
                    }

                    @Override
                    public double[] latestScores(String center, int limit) {
                        return Selection.latestScores(jdbc, center, limit);
                    }
                },
                capacities::on,
                clock,
                seed.value());
    }

    Selection(StoredWeeks stored, CapacityInForce capacities, Clock clock, long seed) {
        this.stored = stored;
        this.capacities = capacities;
        this.clock = clock;
        this.seed = seed;
    }

    /** Reads the counts and risk selections of a Center-week, and a Center's latest scores, from what is stored. */
    interface StoredWeeks {
        Week read(String center, LocalDate week);

        /**
         * The latest stored scores of a Center, newest first: the recent scores its thresholds are taken from when
         * the service starts, so that a restart does not fall back to the cold-start threshold. None by default.
         */
        default double[] latestScores(String center, int limit) {
            return new double[0];
        }
    }

    /** The capacity setting of a Center in force on a date. */
    interface CapacityInForce {
        Capacity on(String center, LocalDate date);
    }

    /**
     * How one scored entry summary fared, under the capacity and the items of its week; a selection for risk made in
     * place of a lower ranked one names it and its score.
     */
    record Decision(
            Kind kind,
            double threshold,
            Capacity capacity,
            Capacity.WeekItems items,
            SelectionGround ground,
            EntryKey displaced,
            double displacedScore,
            Round displacedRound,
            Moved moved,
            List<Promoted> promoted,
            List<TurnedAwayAgain> turnedAwayAgain) {

        Decision(Kind kind, double threshold, Capacity capacity, Capacity.WeekItems items, SelectionGround ground) {
            this(kind, threshold, capacity, items, ground, null, Double.NaN, null, null);
        }

        Decision(
                Kind kind,
                double threshold,
                Capacity capacity,
                Capacity.WeekItems items,
                SelectionGround ground,
                EntryKey displaced,
                double displacedScore,
                Round displacedRound,
                Moved moved) {
            this(
                    kind,
                    threshold,
                    capacity,
                    items,
                    ground,
                    displaced,
                    displacedScore,
                    displacedRound,
                    moved,
                    List.of(),
                    List.of());
        }

        /**
         * This decision, with the summaries of its week it had turned away that took risk items before or after it,
         * and those turned away while the week held more than its items that competed now and were turned away again.
         */
        Decision withWaiting(List<Promoted> promoted, List<TurnedAwayAgain> turnedAwayAgain) {
            return promoted.isEmpty() && turnedAwayAgain.isEmpty()
                    ? this
                    : new Decision(
                            kind,
                            threshold,
                            capacity,
                            items,
                            ground,
                            displaced,
                            displacedScore,
                            displacedRound,
                            moved,
                            List.copyOf(promoted),
                            List.copyOf(turnedAwayAgain));
        }
    }

    /**
     * A summary the week had turned away that takes a risk item, at the threshold it meets now: one fallen free (the
     * Center's capacity was raised, or the week's threshold fell to its score since it was filed), on the ground
     * {@code RISKIEST_FREED}; or, for one turned away while the week held more than its items, the item of the lower
     * ranked selection {@code displaced} (of {@code displacedScore}), on the ground {@code RISKIEST_FREED_IN_PLACE}.
     */
    record Promoted(
            EntryKey key,
            double score,
            double threshold,
            SelectionGround ground,
            EntryKey displaced,
            double displacedScore) {

        /** A summary turned away that takes a risk item fallen free. */
        Promoted(EntryKey key, double score, double threshold) {
            this(key, score, threshold, SelectionGround.RISKIEST_FREED, null, Double.NaN);
        }
    }

    /**
     * A summary turned away while its week held more selections than its items, that competed once the week no longer
     * did and was turned away again: on the ground given, at the threshold it met then.
     */
    record TurnedAwayAgain(EntryKey key, SelectionGround ground, double threshold) {}

    /**
     * A summary that gave its control item to a lower draw and took a risk item instead, as it would have on arrival:
     * on the ground given, in place of {@code displaced} (of {@code displacedScore}) when that is not null.
     */
    record Moved(SelectionGround ground, EntryKey displaced, double displacedScore) {}

    /**
     * One round of scoring (a chunk, in one transaction): its selections give way to higher ranked summaries of any
     * round, and what follows from that for the database waits for the round to commit ({@link #whenCommitted}). A
     * round that rolls back leaves its Centers to be read again from what is stored.
     */
    static final class Round {
        private volatile boolean committed;
        private boolean rolledBack;
        /** What waits for the round to commit; guarded by the round. */
        private final List<Runnable> afterCommit = new ArrayList<>();
        /** The Centers it decided for; read and written on the round's own thread only. */
        private final Set<String> centers = new HashSet<>();
        /** The Centers' weeks in memory that it leaves to be read again if it rolls back. */
        private final Map<String, CenterState> states;

        private Round(Map<String, CenterState> states) {
            this.states = states;
        }

        boolean isCommitted() {
            return committed;
        }

        /** The round's selections are stored for good; what waited for it runs now, on the calling thread. */
        void committed() {
            List<Runnable> waiting;
            synchronized (this) {
                committed = true;
                waiting = List.copyOf(afterCommit);
                afterCommit.clear();
            }
            waiting.forEach(Runnable::run);
        }

        /** Nothing of the round is stored: its Centers' weeks in memory may hold selections that never were. */
        void rolledBack() {
            synchronized (this) {
                rolledBack = true;
                afterCommit.clear();
            }
            centers.forEach(states::remove);
        }

        /** Runs an action once the round has committed: at once if it has, never if it rolls back. */
        void whenCommitted(Runnable action) {
            synchronized (this) {
                if (rolledBack) {
                    return;
                }
                if (!committed) {
                    afterCommit.add(action);
                    return;
                }
            }
            action.run();
        }
    }

    /** The round of the selections read from what is stored: committed, and of no Center in memory. */
    private static final Round STORED = new Round(Map.of());

    static {
        STORED.committed();
    }

    /** A round whose selections are committed from the start: one scored outside any transaction. */
    Round committedRound() {
        Round round = new Round(centers);
        round.committed();
        return round;
    }

    Round round() {
        return new Round(centers);
    }

    /**
     * A selection for risk held by a week, with the round that made it and its place in the order of selections; of
     * two that rank alike, the one selected later gives way first, the earlier having had longer to be taken up.
     */
    private record Held(
            EntryKey key,
            double score,
            boolean trustedPartner,
            Round round,
            long order,
            boolean reviewed,
            boolean overCapacity) {

        static final Comparator<Held> LOWEST_FIRST = Comparator.comparingDouble(Held::score)
                .thenComparing(Comparator.comparingLong(Held::order).reversed());

        Held(EntryKey key, double score, boolean trustedPartner, Round round, long order, boolean reviewed) {
            this(key, score, trustedPartner, round, order, reviewed, false);
        }

        /** A selection that has been reviewed keeps its item: the review took place whatever comes after it. */
        boolean mayGiveWay() {
            return !reviewed;
        }

        Held asReviewed() {
            return new Held(key, score, trustedPartner, round, order, true, overCapacity);
        }
    }

    /** A control selection held by a week, with the round that made it. */
    private record Drawn(EntryKey key, double score, boolean trustedPartner, Round round, boolean reviewed) {

        /** A selection that has been reviewed keeps its item: the review took place whatever comes after it. */
        boolean mayGiveWay() {
            return !reviewed;
        }

        Drawn asReviewed() {
            return new Drawn(key, score, trustedPartner, round, true);
        }
    }

    /** A held selection with its standing in the competition for items, as the Center's recent scores give it now. */
    private record Ranked(Held held, double standing) {

        /** Whether it ranks below the other: by standing, then score; of two alike, the later selected is lower. */
        boolean below(Ranked other) {
            if (standing != other.standing) {
                return standing < other.standing;
            }
            if (held.score() != other.held.score()) {
                return held.score() < other.held.score();
            }
            return held.order() > other.held.order();
        }
    }

    enum Kind {
        RISK,
        CONTROL,
        NONE
    }

    Decision decide(
            Round round, EntryKey key, String center, LocalDate entryDate, double score, boolean trustedPartner) {
        String centerKey = center == null ? "" : center;
        round.centers.add(centerKey);
        CenterState state =
                centers.computeIfAbsent(centerKey, c -> CenterState.seeded(stored.latestScores(c, RECENT_SCORES)));
        LocalDate week = entryDate.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Capacity capacity = capacityOf(centerKey, week);
        Capacity.WeekItems items = capacity.itemsIn(week);
        double factor = trustedPartner ? capacity.trustedPartnerFactor() : 1;
        if (key.version() > 1) {
            // a new version is scored on its own: the versions before it no longer wait for an item, in whichever
            // Center's week they were turned away (a correction keeps the entry date, not always the Center)
            forgetTurnedAway(key.entryNumber(), week);
        }
        synchronized (state) {
            Week counts = state.week(week, w -> stored.read(centerKey, w));
            counts.arrivals++;
            double volume = state.expectedVolume(week, counts, items, w -> stored.read(centerKey, w));
            double riskRate = Math.min(1, items.risk() / volume) * factor;
            double threshold = state.threshold(riskRate);
            state.remember(score);
            Context context = new Context(round, state, counts, capacity, items, volume);
            List<Promoted> promoted = new ArrayList<>();
            List<TurnedAwayAgain> again = new ArrayList<>();
            // those turned away while the week held more than its items compete first, as they did not on arrival
            competeWaiting(context, promoted, again);
            Decision decision = decideIn(
                    context,
                    key,
                    score,
                    trustedPartner,
                    riskRate,
                    threshold,
                    rank(key, trustedPartner, capacity),
                    promoted);
            fillFreeItems(context, null, promoted);
            return decision.withWaiting(promoted, again);
        }
    }

    /**
     * The risk items a change of capacity freed in a Center's running week, the summaries that took them, and those
     * turned away while the week held more than its items that competed and were turned away again.
     */
    record Freed(
            Capacity capacity,
            Capacity.WeekItems items,
            List<Promoted> promoted,
            List<TurnedAwayAgain> turnedAwayAgain) {}

    /**
     * Gives the risk items of a Center's week that are free under its capacity now to the summaries the week turned
     * away, as the next decision for the week would: for a capacity raised while the week runs, at once. Once the week
     * holds no more than its items, those it turned away while it held more compete first, as they would have on
     * arrival.
     */
    Freed fillFreeItems(Round round, String center, LocalDate day) {
        String centerKey = center == null ? "" : center;
        round.centers.add(centerKey);
        CenterState state =
                centers.computeIfAbsent(centerKey, c -> CenterState.seeded(stored.latestScores(c, RECENT_SCORES)));
        LocalDate week = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Capacity capacity = capacityOf(centerKey, week);
        Capacity.WeekItems items = capacity.itemsIn(week);
        synchronized (state) {
            Week counts = state.week(week, w -> stored.read(centerKey, w));
            double volume = state.expectedVolume(week, counts, items, w -> stored.read(centerKey, w));
            Context context = new Context(round, state, counts, capacity, items, volume);
            List<Promoted> promoted = new ArrayList<>();
            List<TurnedAwayAgain> again = new ArrayList<>();
            competeWaiting(context, promoted, again);
            fillFreeItems(context, null, promoted);
            return new Freed(capacity, items, List.copyOf(promoted), List.copyOf(again));
        }
    }

    /** A Center-week being decided for, under the capacity and expected volume of the decision. */
    private record Context(
            Round round, CenterState state, Week counts, Capacity capacity, Capacity.WeekItems items, double volume) {}

    /**
     * The decision for one summary within its week; summaries the week had turned away that rank above it take the risk
     * items that fell free before it does, and are added to {@code promoted}.
     */
    private Decision decideIn(
            Context context,
            EntryKey key,
            double score,
            boolean trustedPartner,
            double riskRate,
            double threshold,
            double rank,
            List<Promoted> promoted) {
        Round round = context.round();
        CenterState state = context.state();
        Week counts = context.counts();
        Capacity capacity = context.capacity();
        Capacity.WeekItems items = context.items();
        double volume = context.volume();
        if (counts.over(items)) {
            // selections made under an earlier setting keep their items, and nothing more is given out meanwhile
            if (score > 0 && !(trustedPartner && capacity.trustedPartnerFactor() <= 0)) {
                // it waits to compete, as it would have on arrival, once the week holds no more than its items
                counts.turnAway(new Held(key, score, trustedPartner, round, selections.incrementAndGet(), false, true));
            }
            return new Decision(Kind.NONE, threshold, capacity, items, SelectionGround.OVER_CAPACITY);
        }
        if (items.control() > 0 && rank < Double.POSITIVE_INFINITY) {
            if (counts.drawn.size() < items.control()) {
                if (rank < Math.min(1, CONTROL_ADMISSION * items.control() / volume)) {
                    counts.drawn.add(new Drawn(key, score, trustedPartner, round, false));
                    return new Decision(Kind.CONTROL, threshold, capacity, items, SelectionGround.CONTROL_DRAW);
                }
            } else if (counts.drawn.size() == items.control()) {
                Drawn highest = counts.highestGivingWayTo(rank, held -> rank(held, capacity));
                if (highest != null) {
                    counts.drawn.remove(highest);
                    counts.drawn.add(new Drawn(key, score, trustedPartner, round, false));
                    Moved moved = riskItemFor(highest, round, volume, capacity, items, counts, state);
                    if (moved == null && highest.score() > 0) {
                        counts.turnAway(new Held(
                                highest.key(),
                                highest.score(),
                                highest.trustedPartner(),
                                highest.round(),
                                selections.incrementAndGet(),
                                false));
                    }
                    return new Decision(
                            Kind.CONTROL,
                            threshold,
                            capacity,
                            items,
                            SelectionGround.CONTROL_DRAW_IN_PLACE,
                            highest.key(),
                            highest.score(),
                            highest.round(),
                            moved);
                }
            }
        }
        if (riskRate > 0 && score > 0 && score >= threshold) {
            Held candidate = new Held(key, score, trustedPartner, round, selections.incrementAndGet(), false);
            Ranked ranked = new Ranked(candidate, state.standing(candidate, capacity.trustedPartnerFactor()));
            fillFreeItems(context, ranked, promoted);
            if (counts.size() < items.risk()) {
                counts.hold(candidate);
                return new Decision(Kind.RISK, threshold, capacity, items, SelectionGround.RISKIEST);
            }
            Held lowest =
                    counts.lowestGivingWayTo(ranked, held -> state.standing(held, capacity.trustedPartnerFactor()));
            if (lowest != null) {
                counts.release(lowest);
                counts.hold(candidate);
                counts.turnAway(lowest);
                return new Decision(
                        Kind.RISK,
                        threshold,
                        capacity,
                        items,
                        SelectionGround.RISKIEST_IN_PLACE,
                        lowest.key(),
                        lowest.score(),
                        lowest.round(),
                        null);
            }
            counts.turnAway(candidate);
            return new Decision(Kind.NONE, threshold, capacity, items, SelectionGround.ITEMS_TAKEN);
        }
        SelectionGround ground = items.risk() == 0
                ? SelectionGround.NO_RISK_ITEMS
                : riskRate <= 0
                        ? SelectionGround.TRUSTED_PARTNER_EXEMPT
                        : score <= 0 ? SelectionGround.NOTHING_FOUND : SelectionGround.BELOW_THRESHOLD;
        if (score > 0 && ground != SelectionGround.TRUSTED_PARTNER_EXEMPT) {
            counts.turnAway(new Held(key, score, trustedPartner, round, selections.incrementAndGet(), false));
        }
        return new Decision(Kind.NONE, threshold, capacity, items, ground);
    }

    /**
     * Gives the week's free risk items to the summaries it turned away, the riskiest first, as long as they reach the
     * threshold they would meet if they arrived now and, when {@code above} is given, rank above it: a raised capacity,
     * or a threshold that fell to their score since they were filed, leaves them risky enough for an item. Only a
     * summary of this round or one stored for good is taken, so that what the database holds changes in this round's
     * transaction.
     */
    private void fillFreeItems(Context context, Ranked above, List<Promoted> promoted) {
        Week counts = context.counts();
        if (counts.size() >= context.items().risk() || counts.reserve.isEmpty() || counts.over(context.items())) {
            return;
        }
        Capacity capacity = context.capacity();
        double rate = Math.min(1, context.items().risk() / context.volume());
        if (rate <= 0) {
            return;
        }
        double othersThreshold = context.state().threshold(rate);
        double trustedThreshold = context.state().threshold(rate * capacity.trustedPartnerFactor());
        // a summary scored below both thresholds, or below the standing of the one it must outrank, takes no item, and
        // neither does any below it: the reserve is read from the riskiest down only as far as that
        double lowestThreshold = Math.min(othersThreshold, trustedThreshold);
        double lowestStanding = above == null ? Double.NEGATIVE_INFINITY : above.standing();
        while (counts.size() < context.items().risk() && !counts.reserve.isEmpty()) {
            Held taking = null;
            for (Held held : counts.reserve.descendingSet()) {
                if (held.score() < lowestThreshold || held.score() < lowestStanding) {
                    break;
                }
                double threshold = held.trustedPartner() ? trustedThreshold : othersThreshold;
                if (held.overCapacity()
                        || !(held.round() == context.round() || held.round().isCommitted())
                        || (held.trustedPartner() && capacity.trustedPartnerFactor() <= 0)
                        || held.score() <= 0
                        || held.score() < threshold) {
                    continue;
                }
                if (above != null
                        && !above.below(
                                new Ranked(held, context.state().standing(held, capacity.trustedPartnerFactor())))) {
                    continue;
                }
                taking = held;
                break;
            }
            if (taking == null) {
                return;
            }
            counts.reserve.remove(taking);
            counts.hold(new Held(
                    taking.key(),
                    taking.score(),
                    taking.trustedPartner(),
                    taking.round(),
                    selections.incrementAndGet(),
                    false));
            promoted.add(new Promoted(
                    taking.key(), taking.score(), taking.trustedPartner() ? trustedThreshold : othersThreshold));
        }
    }

    /**
     * Lets the summaries the week turned away while it held more selections than its items compete, once it holds no
     * more, as they would have on arrival, the riskiest first: each that reaches the threshold takes a free risk item
     * or else the item of the lowest ranked selection that ranks below it and may give way; one that takes none is
     * turned away again on the ground it meets now, and waits among the others turned away for an item that falls free.
     * Only a summary of this round or one stored for good competes, and it takes the place only of such a selection, so
     * that what the database holds changes in this round's transaction.
     */
    private void competeWaiting(Context context, List<Promoted> promoted, List<TurnedAwayAgain> again) {
        Week counts = context.counts();
        Capacity.WeekItems items = context.items();
        if (counts.over(items)) {
            return;
        }
        Round round = context.round();
        CenterState state = context.state();
        Capacity capacity = context.capacity();
        double factor = capacity.trustedPartnerFactor();
        // read on every decision: nothing is copied unless a summary waits, which is seldom
        List<Held> waitingFirst = null;
        for (Held held : counts.reserve.descendingSet()) {
            if (held.overCapacity() && (held.round() == round || held.round().isCommitted())) {
                if (waitingFirst == null) {
                    waitingFirst = new ArrayList<>();
                }
                waitingFirst.add(held);
            }
        }
        if (waitingFirst == null) {
            return;
        }
        double rate = Math.min(1, items.risk() / context.volume());
        for (Held waiting : waitingFirst) {
            counts.reserve.remove(waiting);
            double riskRate = rate * (waiting.trustedPartner() ? factor : 1);
            double threshold = state.threshold(riskRate);
            if (riskRate > 0 && waiting.score() >= threshold) {
                Held competing = new Held(
                        waiting.key(),
                        waiting.score(),
                        waiting.trustedPartner(),
                        waiting.round(),
                        selections.incrementAndGet(),
                        false);
                if (counts.size() < items.risk()) {
                    counts.hold(competing);
                    promoted.add(new Promoted(waiting.key(), waiting.score(), threshold));
                    continue;
                }
                Held lowest = counts.lowestGivingWayTo(
                        new Ranked(competing, state.standing(competing, factor)),
                        held -> state.standing(held, factor),
                        held -> held.round() == round || held.round().isCommitted());
                if (lowest != null) {
                    counts.release(lowest);
                    counts.hold(competing);
                    counts.turnAway(lowest);
                    promoted.add(new Promoted(
                            waiting.key(),
                            waiting.score(),
                            threshold,
                            SelectionGround.RISKIEST_FREED_IN_PLACE,
                            lowest.key(),
                            lowest.score()));
                    continue;
                }
            }
            SelectionGround ground = items.risk() == 0
                    ? SelectionGround.NO_RISK_ITEMS
                    : riskRate <= 0
                            ? SelectionGround.TRUSTED_PARTNER_EXEMPT
                            : waiting.score() >= threshold
                                    ? SelectionGround.ITEMS_TAKEN
                                    : SelectionGround.BELOW_THRESHOLD;
            again.add(new TurnedAwayAgain(waiting.key(), ground, threshold));
            if (ground != SelectionGround.TRUSTED_PARTNER_EXEMPT) {
                counts.turnAway(new Held(
                        waiting.key(),
                        waiting.score(),
                        waiting.trustedPartner(),
                        waiting.round(),
                        waiting.order(),
                        false));
            }
        }
    }

    /**
     * A risk item for a summary that has just given its control item to a lower draw, as it would have had one on
     * arrival: the control draw came first for it, and losing the draw must not leave a summary risky enough for review
     * unselected. Only a summary stored for good or of the round deciding moves, and it takes the place only of such a
     * selection, so that what the database holds changes in this round's transaction. Null when it takes none.
     */
    private Moved riskItemFor(
            Drawn gaveWay,
            Round round,
            double volume,
            Capacity capacity,
            Capacity.WeekItems items,
            Week counts,
            CenterState state) {
        if (!(gaveWay.round() == round || gaveWay.round().isCommitted())) {
            return null;
        }
        double factor = gaveWay.trustedPartner() ? capacity.trustedPartnerFactor() : 1;
        double riskRate = Math.min(1, items.risk() / volume) * factor;
        if (riskRate <= 0 || gaveWay.score() <= 0 || gaveWay.score() < state.threshold(riskRate)) {
            return null;
        }
        Held moving = new Held(
                gaveWay.key(),
                gaveWay.score(),
                gaveWay.trustedPartner(),
                gaveWay.round(),
                selections.incrementAndGet(),
                false);
        if (counts.size() < items.risk()) {
            counts.hold(moving);
            return new Moved(SelectionGround.RISKIEST, null, Double.NaN);
        }
        Held lowest = counts.lowestGivingWayTo(
                new Ranked(moving, state.standing(moving, capacity.trustedPartnerFactor())),
                held -> state.standing(held, capacity.trustedPartnerFactor()),
                held -> held.round() == round || held.round().isCommitted());
        if (lowest == null) {
            return null;
        }
        counts.release(lowest);
        counts.hold(moving);
        return new Moved(SelectionGround.RISKIEST_IN_PLACE, lowest.key(), lowest.score());
    }

    /**
     * The decision for a correction of an entry whose earlier version holds a review item: it is reviewed with that
     * item, so it neither takes one of its own nor counts as another arrival of the week.
     */
    Decision carried(String center, LocalDate entryDate) {
        return passedBy(center, entryDate, SelectionGround.EARLIER_VERSION_HOLDS_ITEM);
    }

    /**
     * The decision for a summary that stood deemed liquidated when it arrived: a review can no longer change its duty,
     * so it takes no review item, for risk or for the control sample (whose hit rate would otherwise count reviews
     * that could find nothing to collect), and does not count as an arrival of its week.
     */
    Decision liquidated(String center, LocalDate entryDate) {
        return passedBy(center, entryDate, SelectionGround.DEEMED_LIQUIDATED);
    }

    private Decision passedBy(String center, LocalDate entryDate, SelectionGround ground) {
        LocalDate week = entryDate.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Capacity capacity = capacityOf(center == null ? "" : center, week);
        return new Decision(Kind.NONE, Double.NaN, capacity, capacity.itemsIn(week), ground);
    }

    /**
     * The capacity a Center-week runs under: the setting in force at its end, or today while it runs. Every decision
     * made at one time for one week so uses one capacity, whatever the entry dates of its summaries; a setting made
     * mid-week governs the rest of that week's decisions.
     */
    Capacity capacityOf(String center, LocalDate week) {
        LocalDate end = week.plusDays(6);
        LocalDate today = LocalDate.now(clock);
        return capacities.on(center, end.isAfter(today) ? today : end);
    }

    /**
     * A selection has been reviewed: it keeps its item from now on, however risky the summaries that come
     * after it. A week not in memory learns it from the stored outcomes when it is read.
     */
    void reviewed(EntryKey key, String center, LocalDate entryDate) {
        LocalDate week = entryDate.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        // a reviewed entry takes no item that falls free, by any of its versions
        forgetTurnedAway(key.entryNumber(), week);
        CenterState state = centers.get(center == null ? "" : center);
        if (state == null) {
            return;
        }
        synchronized (state) {
            Week counts = state.weeks.get(week);
            if (counts == null) {
                return;
            }
            counts.held()
                    .filter(held -> held.key().equals(key) && !held.reviewed())
                    .findFirst()
                    .ifPresent(held -> {
                        counts.release(held);
                        counts.hold(held.asReviewed());
                    });
            counts.drawn.replaceAll(drawn -> drawn.key().equals(key) ? drawn.asReviewed() : drawn);
        }
    }

    /**
     * Takes an entry's versions out of the summaries turned away in the week of its entry date, in every Center's
     * week held in memory: a later version of it has been scored, or one of its versions reviewed.
     */
    private void forgetTurnedAway(String entryNumber, LocalDate week) {
        for (CenterState state : centers.values()) {
            synchronized (state) {
                Week counts = state.weeks.get(week);
                if (counts != null) {
                    counts.reserve.removeIf(held -> held.key().entryNumber().equals(entryNumber));
                }
            }
        }
    }

    /**
     * A number from 0 up to but not including 1, fixed by the entry summary version and the seed, so that a replay
     * draws the same sample.
     */
    double draw(EntryKey key) {
        return Draw.of(seed, key.entryNumber().hashCode(), key.version());
    }

    /**
     * Where a summary stands in its week's control draw, the lowest first: its draw, or for a trusted partner's its draw
     * divided by the Center's trusted-partner factor, so that its chance of the sample is about the factor times the
     * others' (never, at a factor of 0).
     */
    private double rank(EntryKey key, boolean trustedPartner, Capacity capacity) {
        if (!trustedPartner || capacity.trustedPartnerFactor() >= 1) {
            return draw(key);
        }
        return capacity.trustedPartnerFactor() <= 0
                ? Double.POSITIVE_INFINITY
                : draw(key) / capacity.trustedPartnerFactor();
    }

    private double rank(Drawn drawn, Capacity capacity) {
        return rank(drawn.key(), drawn.trustedPartner(), capacity);
    }

    private static double[] latestScores(JdbcClient jdbc, String center, int limit) {
        // by the Center's index, read backwards from its latest entry date
        var latest = center.isEmpty()
                ? jdbc.sql("select score from risk_assessment where center is null order by entry_date desc limit ?")
                        .param(limit)
                : jdbc.sql("select score from risk_assessment where center = ? order by entry_date desc limit ?")
                        .params(center, limit);
        return latest.query(Double.class).list().stream()
                .mapToDouble(Double::doubleValue)
                .toArray();
    }

    private static Week read(JdbcClient jdbc, String center, LocalDate week) {
        int[] selected = new int[1];
        Week counts = jdbc.sql("select count(*), count(selection) from risk_assessment"
                        + " where center is not distinct from nullif(?, '') and entry_date between ? and ?")
                .params(center, week, week.plusDays(6))
                .query((rs, i) -> {
                    selected[0] = rs.getInt(2);
                    return new Week(rs.getInt(1));
                })
                .single();
        // the riskiest it turned away, as a decision keeps them in memory, and not reviewed (by any version) nor
        // followed by a later version, to take an item that falls free
        jdbc.sql("select a.entry_number, a.version, a.score, a.trusted_partner, a.ground from risk_assessment a"
                        + " where a.selection is null and a.score > 0 and a.ground is not null"
                        + " and a.ground not in ('EARLIER_VERSION_HOLDS_ITEM', 'TRUSTED_PARTNER_EXEMPT', 'DEEMED_LIQUIDATED')"
                        + " and a.center is not distinct from nullif(?, '') and a.entry_date between ? and ?"
                        + " and not exists (select 1 from review_outcome o where o.entry_number = a.entry_number)"
                        + " and not exists (select 1 from risk_assessment b where b.entry_number = a.entry_number"
                        + " and b.version > a.version)"
                        + " order by a.score desc limit " + RESERVE)
                .params(center, week, week.plusDays(6))
                .query(rs -> {
                    counts.turnAway(new Held(
                            new EntryKey(rs.getString(1), rs.getInt(2)),
                            rs.getDouble(3),
                            rs.getBoolean(4),
                            STORED,
                            Long.MIN_VALUE + rs.getRow(),
                            false,
                            SelectionGround.OVER_CAPACITY.name().equals(rs.getString(5))));
                });
        if (selected[0] > 0) {
            jdbc.sql("select a.entry_number, a.version, a.score, a.trusted_partner, exists (select 1 from"
                            + " review_outcome o where o.entry_number = a.entry_number and o.version = a.version),"
                            + " a.selection from risk_assessment a where a.selection is not null"
                            + " and a.center is not distinct from nullif(?, '') and a.entry_date between ? and ?"
                            + " order by a.scored_at, a.entry_number, a.version")
                    .params(center, week, week.plusDays(6))
                    .query(rs -> {
                        EntryKey key = new EntryKey(rs.getString(1), rs.getInt(2));
                        if (Kind.CONTROL.name().equals(rs.getString(6))) {
                            counts.storedControl(key, rs.getDouble(3), rs.getBoolean(4), rs.getBoolean(5));
                            return;
                        }
                        // before any selection made in memory, in the order they were scored
                        counts.hold(new Held(
                                key,
                                rs.getDouble(3),
                                rs.getBoolean(4),
                                STORED,
                                Long.MIN_VALUE + rs.getRow(),
                                rs.getBoolean(5)));
                    });
        }
        return counts;
    }

    /**
     * Counts of one Center-week, its selections for risk (as many as it has risk items): trusted partners' and the
     * others' apart, each the lowest score first, so that the lowest ranked of each is at hand; and its control
     * selections (as many as it has control items).
     */
    static final class Week {
        int arrivals;
        private final NavigableSet<Held> others = new TreeSet<>(Held.LOWEST_FIRST);
        private final NavigableSet<Held> trusted = new TreeSet<>(Held.LOWEST_FIRST);
        /** The week's control selections, few enough to be searched in full. */
        private final List<Drawn> drawn = new ArrayList<>();
        /**
         * Summaries the week turned away though they scored above zero, its {@value #RESERVE} riskiest (lowest score
         * first), to take a risk item that falls free.
         */
        private final NavigableSet<Held> reserve = new TreeSet<>(Held.LOWEST_FIRST);

        Week(int arrivals) {
            this.arrivals = arrivals;
        }

        /** Holds a control selection read from what is stored. */
        void storedControl(EntryKey key, double score, boolean trustedPartner, boolean reviewed) {
            drawn.add(new Drawn(key, score, trustedPartner, STORED, reviewed));
        }

        /**
         * The control selection drawn highest above the candidate's rank that may give way, if any: the first to leave
         * the sample when a lower draw arrives.
         */
        private Drawn highestGivingWayTo(double rank, ToDoubleFunction<Drawn> rankOf) {
            Drawn highest = null;
            double highestRank = rank;
            for (Drawn held : drawn) {
                double heldRank = rankOf.applyAsDouble(held);
                if (heldRank > highestRank && held.mayGiveWay()) {
                    highest = held;
                    highestRank = heldRank;
                }
            }
            return highest;
        }

        int size() {
            return others.size() + trusted.size();
        }

        /**
         * Whether the week holds more selections for risk than its risk items, or more for the control sample than its
         * control items: made under an earlier setting that gave it more, they keep their items, and the week selects
         * nothing more, in place of another or not, while it holds more.
         */
        boolean over(Capacity.WeekItems items) {
            return size() > items.risk() || drawn.size() > items.control();
        }

        /** Keeps a summary turned away, unless the week keeps {@value #RESERVE} riskier ones. */
        private void turnAway(Held held) {
            if (reserve.size() == RESERVE && Held.LOWEST_FIRST.compare(held, reserve.first()) <= 0) {
                return;
            }
            reserve.add(held);
            if (reserve.size() > RESERVE) {
                reserve.pollFirst();
            }
        }

        private Stream<Held> held() {
            return Stream.concat(others.stream(), trusted.stream());
        }

        private void hold(Held held) {
            (held.trustedPartner() ? trusted : others).add(held);
        }

        private void release(Held held) {
            (held.trustedPartner() ? trusted : others).remove(held);
        }

        /**
         * The lowest ranked selection that ranks below the candidate and may give way, if any. Within
         * each set a higher score never stands lower, so each is read only up to the first that does not rank below.
         */
        private Held lowestGivingWayTo(Ranked candidate, ToDoubleFunction<Held> standing) {
            return lowestGivingWayTo(candidate, standing, held -> true);
        }

        /** As {@link #lowestGivingWayTo(Ranked, ToDoubleFunction)}, of the selections {@code eligible} admits. */
        private Held lowestGivingWayTo(Ranked candidate, ToDoubleFunction<Held> standing, Predicate<Held> eligible) {
            Ranked lowest = null;
            for (NavigableSet<Held> set : List.of(others, trusted)) {
                for (Held held : set) {
                    Ranked ranked = new Ranked(held, standing.applyAsDouble(held));
                    if (!ranked.below(candidate)) {
                        break;
                    }
                    if (held.mayGiveWay() && eligible.test(held)) {
                        if (lowest == null || ranked.below(lowest)) {
                            lowest = ranked;
                        }
                        break;
                    }
                }
            }
            return lowest == null ? null : lowest.held();
        }
    }

    /**
     * Sorted scores with some taken out and others put in, in the order {@link Arrays#sort(double[])} gives (by
     * {@link Double#compare}): the same array as sorting the scores that remain, found in one pass over the sorted ones.
     * Every score taken out must be among the sorted ones; the arrays taken out and put in are sorted in place.
     */
    static double[] merged(double[] sorted, double[] takenOut, double[] putIn) {
        Arrays.sort(takenOut);
        Arrays.sort(putIn);
        double[] merged = new double[sorted.length - takenOut.length + putIn.length];
        int out = 0;
        int in = 0;
        int at = 0;
        for (double score : sorted) {
            if (out < takenOut.length && Double.compare(score, takenOut[out]) == 0) {
                out++;
                continue;
            }
            while (in < putIn.length && Double.compare(putIn[in], score) < 0) {
                merged[at++] = putIn[in++];
            }
            merged[at++] = score;
        }
        while (in < putIn.length) {
            merged[at++] = putIn[in++];
        }
        if (out != takenOut.length) {
            throw new IllegalArgumentException("Scores taken out that were not among the sorted ones");
        }
        return merged;
    }

    /** Reads the counts of a Center-week from the stored assessments. */
    interface WeekSource {
        Week read(LocalDate week);
    }

    /** Week counts in access order, the least recently used dropped beyond {@value #WEEKS_KEPT} weeks. */
    private static final class KeptWeeks extends LinkedHashMap<LocalDate, Week> {

        KeptWeeks() {
            super(16, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, Week> eldest) {
            return size() > WEEKS_KEPT;
        }
    }

    /** The recent scores and week counts of one Center. */
    private static final class CenterState {
        private final double[] recent = new double[RECENT_SCORES];
        private int size;
        private int next;
        private double[] sorted = new double[0];
        private int unsorted;
        /** The recent scores the newer ones overwrote since the sorted scores were renewed, in no order. */
        private final double[] dropped = new double[RECENT_SCORES];

        private int droppedCount;
        private final Map<LocalDate, Week> weeks = new KeptWeeks();

        /** A Center's state holding the latest stored scores (newest first) as its recent scores, oldest first. */
        static CenterState seeded(double[] newestFirst) {
            CenterState state = new CenterState();
            for (int i = Math.min(newestFirst.length, RECENT_SCORES) - 1; i >= 0; i--) {
                state.remember(newestFirst[i]);
            }
            return state;
        }

        Week week(LocalDate week, WeekSource reader) {
            return weeks.computeIfAbsent(week, reader::read);
        }

        // The volume the week is expected to bring: the mean of the weeks before it that had entries, or what it has
        // already brought if that is more; with no history, the volume at which the risk items would be 5%.
        double expectedVolume(LocalDate week, Week current, Capacity.WeekItems items, WeekSource reader) {
            double total = 0;
            int counted = 0;
            for (int back = 1; back <= WEEKS_OF_VOLUME; back++) {
                LocalDate earlier = week.minusWeeks(back);
                Week previous = weeks.computeIfAbsent(earlier, reader::read);
                if (previous.arrivals > 0) {
                    total += previous.arrivals;
                    counted++;
                }
            }
            double expected = counted == 0 ? items.risk() / ASSUMED_SELECTION_RATE : total / counted;
            return Math.max(1, Math.max(expected, current.arrivals));
        }

        // The score at or above which the given share of recent scores lies.
        double threshold(double share) {
            if (size < MIN_SCORES_FOR_THRESHOLD) {
                return COLD_START_THRESHOLD;
            }
            if (share >= 1) {
                return Double.NEGATIVE_INFINITY;
            }
            if (share <= 0) {
                return Double.POSITIVE_INFINITY;
            }
            double[] sorted = sorted();
            int count = sorted.length;
            int index = (int) Math.floor((1 - share) * count);
            return sorted[Math.min(count - 1, Math.max(0, index))];
        }

        /**
         * Where a held or candidate selection stands in the competition for the week's risk items. The others stand at
         * their score. A trusted partner's summary stands at the score whose share of the recent scores at or above it
         * is its own share divided by the factor (the lowest recent score when that is all of them), never above its
         * own: in the top 2 % at a factor of 0.5, it stands as one in the top 4 %.
         */
        double standing(Held held, double trustedPartnerFactor) {
            double score = held.score();
            if (!held.trustedPartner() || trustedPartnerFactor >= 1 || size == 0) {
                return score;
            }
            double[] sorted = sorted();
            int count = sorted.length;
            int below = lowerBound(sorted, score);
            double share = trustedPartnerFactor <= 0 ? 1 : (count - below) / (count * trustedPartnerFactor);
            int index = share >= 1 ? 0 : Math.max(0, (int) Math.floor((1 - share) * count));
            // above every recent score the reduced share leaves it where it is: the top stays the top
            return index >= count ? score : Math.min(score, sorted[index]);
        }

        /** The index of the first sorted score at or above the given one. */
        private static int lowerBound(double[] sorted, double score) {
            int low = 0;
            int high = sorted.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (sorted[middle] < score) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        // The recent scores in order: renewed every {@value #RESORT_EVERY} scores rather than on every call, and on
        // every call while there are fewer than {@value #MIN_SCORES_FOR_THRESHOLD}. Renewing merges the scores
        // added since into the sorted ones, less those they overwrote, rather than sorting all of them again.
        private double[] sorted() {
            if (unsorted > 0 && (unsorted >= RESORT_EVERY || sorted.length < MIN_SCORES_FOR_THRESHOLD)) {
                if (unsorted < RECENT_SCORES) {
                    double[] added = new double[unsorted];
                    for (int k = 0; k < unsorted; k++) {
                        added[k] = recent[(next - 1 - k + RECENT_SCORES) % RECENT_SCORES];
                    }
                    sorted = merged(sorted, Arrays.copyOf(dropped, droppedCount), added);
                } else {
                    // every score is new since: nothing to merge into
                    sorted = Arrays.copyOf(recent, size);
                    Arrays.sort(sorted);
                }
                unsorted = 0;
                droppedCount = 0;
            }
            return sorted;
        }

        void remember(double score) {
            if (size == RECENT_SCORES && droppedCount < RECENT_SCORES) {
                dropped[droppedCount++] = recent[next];
            }
            recent[next] = score;
            next = (next + 1) % RECENT_SCORES;
            size = Math.min(RECENT_SCORES, size + 1);
            unsorted++;
        }
    }
}
