package io.centerline.targeting;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fills each Center's weekly review capacity as scored entry summaries arrive.
 *
 * <p>Every summary first takes part in the random control draw, whatever its score, so that the control sample is a
 * true random sample of the Center's entries and its hit rate is an honest baseline. The rest of the capacity goes to
 * the riskiest candidates: a summary is selected when its score reaches the threshold that would have selected the
 * risk share of the week's expected volume from the Center's recent scores. Once the week's risk items are taken, a
 * summary that scores higher than the least risky of them takes its place, and that one is no longer selected, so the
 * week's items hold the riskiest of the week so far. Only a selection already committed, or one of the same round of
 * scoring, gives way: a round that another intake thread is still storing keeps its selections until it commits. A
 * selection whose review outcome is recorded never gives way.
 * Trusted partners' entries are selected at the reduced share of the others' rate, in the draw and by score. Weeks
 * run Monday to Sunday by entry date, each under the capacity in force at its end (today while it runs); the counts and risk selections of a week not in memory are read from the stored
 * assessments, and a round that rolls back makes its Centers read them again.
 */
@Component
class Selection {

    private static final int RECENT_SCORES = 2_048;
    private static final int MIN_SCORES_FOR_THRESHOLD = 50;
    private static final double COLD_START_THRESHOLD = 0.5;
    private static final double ASSUMED_SELECTION_RATE = 0.05;
    private static final int WEEKS_OF_VOLUME = 4;
    private static final int RESORT_EVERY = 64;
    /**
     * Weeks of counts kept per Center: twenty years, so that a week whose selections are still being stored is never
     * forgotten and read back short from the database.
     */
    private static final int WEEKS_KEPT = 1_044;

    private final JdbcClient jdbc;
    private final Capacities capacities;
    private final Clock clock;
    private final long seed;
    private final Map<String, CenterState> centers = new ConcurrentHashMap<>();
    private final AtomicLong selections = new AtomicLong();

    Selection(
            JdbcClient jdbc,
            Capacities capacities,
            Clock clock,
            @Value("${centerline.targeting.control-seed:20260101}") long seed) {
        this.jdbc = jdbc;
        this.capacities = capacities;
        this.clock = clock;
        this.seed = seed;
    }

    /**
     * How one scored entry summary fared; a selection for risk made in place of a less risky one names it and its
     * score.
     */
    record Decision(
            Kind kind,
            double threshold,
            Capacity capacity,
            SelectionGround ground,
            EntryKey displaced,
            double displacedScore) {

        Decision(Kind kind, double threshold, Capacity capacity, SelectionGround ground) {
            this(kind, threshold, capacity, ground, null, Double.NaN);
        }
    }

    /**
     * One round of scoring (a chunk, in one transaction): its selections can give way to riskier summaries of the same
     * round at once, and to anyone else's once it has committed. A round that rolls back leaves its Centers to be read
     * again from what is stored.
     */
    final class Round {
        private volatile boolean committed;
        /** The Centers it decided for; read and written on the round's own thread only. */
        private final Set<String> centers = new HashSet<>();

        /** The round's selections are stored for good. */
        void committed() {
            committed = true;
        }

        /** Nothing of the round is stored: its Centers' weeks in memory may hold selections that never were. */
        void rolledBack() {
            centers.forEach(Selection.this.centers::remove);
        }
    }

    /** A round whose selections are committed from the start: one scored outside any transaction. */
    Round committedRound() {
        Round round = new Round();
        round.committed();
        return round;
    }

    Round round() {
        return new Round();
    }

    /**
     * A selection for risk held by a week, with the round that made it and its place in the order of selections; of
     * two equally risky, the one selected later gives way first, the earlier having had longer to be taken up.
     */
    private record Held(EntryKey key, double score, Round round, long order, boolean reviewed) {

        static final Comparator<Held> LEAST_RISKY_FIRST = Comparator.comparingDouble(Held::score)
                .thenComparing(Comparator.comparingLong(Held::order).reversed());

        /** A selection that has been reviewed keeps its item: the review took place whatever comes after it. */
        boolean mayGiveWayTo(Round other) {
            return !reviewed && (round == other || round.committed);
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
        CenterState state = centers.computeIfAbsent(centerKey, c -> new CenterState());
        LocalDate week = entryDate.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Capacity capacity = capacityOf(centerKey, week);
        double factor = trustedPartner ? capacity.trustedPartnerFactor() : 1;
        synchronized (state) {
            Week counts = state.week(week, w -> read(centerKey, w));
            counts.arrivals++;
            double volume = state.expectedVolume(week, counts, capacity, w -> read(centerKey, w));
            double controlRate = Math.min(1, capacity.controlItems() / volume) * factor;
            double riskRate = Math.min(1, capacity.riskItems() / volume) * factor;
            double threshold = state.threshold(riskRate);
            state.remember(score);
            if (draw(key) < controlRate && counts.control < capacity.controlItems()) {
                counts.control++;
                return new Decision(Kind.CONTROL, threshold, capacity, SelectionGround.CONTROL_DRAW);
            }
            if (riskRate > 0 && score > 0 && score >= threshold) {
                if (counts.held.size() < capacity.riskItems()) {
                    counts.held.add(new Held(key, score, round, selections.incrementAndGet(), false));
                    return new Decision(Kind.RISK, threshold, capacity, SelectionGround.RISKIEST);
                }
                Held weakest = counts.weakestGivingWayTo(round, score);
                if (weakest != null) {
                    counts.held.remove(weakest);
                    counts.held.add(new Held(key, score, round, selections.incrementAndGet(), false));
                    return new Decision(
                            Kind.RISK,
                            threshold,
                            capacity,
                            SelectionGround.RISKIEST_IN_PLACE,
                            weakest.key(),
                            weakest.score());
                }
                return new Decision(Kind.NONE, threshold, capacity, SelectionGround.ITEMS_TAKEN);
            }
            SelectionGround ground = capacity.riskItems() == 0
                    ? SelectionGround.NO_RISK_ITEMS
                    : riskRate <= 0
                            ? SelectionGround.TRUSTED_PARTNER_EXEMPT
                            : score <= 0 ? SelectionGround.NOTHING_FOUND : SelectionGround.BELOW_THRESHOLD;
            return new Decision(Kind.NONE, threshold, capacity, ground);
        }
    }

    /**
     * The capacity a Center-week runs under: the setting in force at its end, or today while it runs. Every decision
     * made at one time for one week so uses one capacity, whatever the entry dates of its summaries; a setting made
     * mid-week governs the rest of that week's decisions.
     */
    private Capacity capacityOf(String center, LocalDate week) {
        LocalDate end = week.plusDays(6);
        LocalDate today = LocalDate.now(clock);
        return capacities.on(center, end.isAfter(today) ? today : end);
    }

    /**
     * A selection for risk has been reviewed: it keeps its item from now on, however risky the summaries that come
     * after it. A week not in memory learns it from the stored outcomes when it is read.
     */
    void reviewed(EntryKey key, String center, LocalDate entryDate) {
        CenterState state = centers.get(center == null ? "" : center);
        if (state == null) {
            return;
        }
        LocalDate week = entryDate.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        synchronized (state) {
            Week counts = state.weeks.get(week);
            if (counts == null) {
                return;
            }
            counts.held.stream()
                    .filter(held -> held.key().equals(key) && !held.reviewed())
                    .findFirst()
                    .ifPresent(held -> {
                        counts.held.remove(held);
                        counts.held.add(new Held(held.key(), held.score(), held.round(), held.order(), true));
                    });
        }
    }

    /**
     * A number from 0 up to but not including 1, fixed by the entry summary version and the seed, so that a replay
     * draws the same sample.
     */
    double draw(EntryKey key) {
        long h = seed ^ (key.entryNumber().hashCode() * 0x9E3779B97F4A7C15L) ^ (key.version() * 0xC2B2AE3D27D4EB4FL);
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return (h >>> 11) * 0x1.0p-53;
    }

    private Week read(String center, LocalDate week) {
        int[] risk = new int[1];
        Week counts = jdbc.sql("select count(*), count(*) filter (where selection = 'RISK'),"
                        + " count(*) filter (where selection = 'CONTROL') from risk_assessment"
                        + " where center is not distinct from nullif(?, '') and entry_date between ? and ?")
                .params(center, week, week.plusDays(6))
                .query((rs, i) -> {
                    risk[0] = rs.getInt(2);
                    return new Week(rs.getInt(1), rs.getInt(3));
                })
                .single();
        if (risk[0] > 0) {
            Round stored = committedRound();
            jdbc.sql("select a.entry_number, a.version, a.score, exists (select 1 from review_outcome o"
                            + " where o.entry_number = a.entry_number and o.version = a.version)"
                            + " from risk_assessment a where a.selection = 'RISK'"
                            + " and a.center is not distinct from nullif(?, '') and a.entry_date between ? and ?"
                            + " order by a.scored_at, a.entry_number, a.version")
                    .params(center, week, week.plusDays(6))
                    .query(rs -> {
                        // before any selection made in memory, in the order they were scored
                        counts.held.add(new Held(
                                new EntryKey(rs.getString(1), rs.getInt(2)),
                                rs.getDouble(3),
                                stored,
                                Long.MIN_VALUE + rs.getRow(),
                                rs.getBoolean(4)));
                    });
        }
        return counts;
    }

    /** Counts of one Center-week, and its selections for risk (as many as it has), the least risky first. */
    static final class Week {
        int arrivals;
        int control;
        private final NavigableSet<Held> held = new TreeSet<>(Held.LEAST_RISKY_FIRST);

        Week(int arrivals, int control) {
            this.arrivals = arrivals;
            this.control = control;
        }

        /** The least risky selection that scores below {@code score} and may give way to the round, if any. */
        private Held weakestGivingWayTo(Round round, double score) {
            for (Held held : this.held) {
                if (held.score() >= score) {
                    return null;
                }
                if (held.mayGiveWayTo(round)) {
                    return held;
                }
            }
            return null;
        }
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
        private final Map<LocalDate, Week> weeks = new KeptWeeks();

        Week week(LocalDate week, WeekSource reader) {
            return weeks.computeIfAbsent(week, reader::read);
        }

        // The volume the week is expected to bring: the mean of the weeks before it that had entries, or what it has
        // already brought if that is more; with no history, the volume at which the risk items would be 5%.
        double expectedVolume(LocalDate week, Week current, Capacity capacity, WeekSource reader) {
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
            double expected = counted == 0 ? capacity.riskItems() / ASSUMED_SELECTION_RATE : total / counted;
            return Math.max(1, Math.max(expected, current.arrivals));
        }

        // The score at or above which the given share of recent scores lies. The sorted copy of the recent scores is
        // renewed every {@value #RESORT_EVERY} scores rather than on every call.
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
            if (unsorted >= RESORT_EVERY || sorted.length < MIN_SCORES_FOR_THRESHOLD) {
                sorted = Arrays.copyOf(recent, size);
                Arrays.sort(sorted);
                unsorted = 0;
            }
            int count = sorted.length;
            int index = (int) Math.floor((1 - share) * count);
            return sorted[Math.min(count - 1, Math.max(0, index))];
        }

        void remember(double score) {
            recent[next] = score;
            next = (next + 1) % RECENT_SCORES;
            size = Math.min(RECENT_SCORES, size + 1);
            unsorted++;
        }
    }
}
