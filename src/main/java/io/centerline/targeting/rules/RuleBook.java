package io.centerline.targeting.rules;

import io.centerline.targeting.EntryUnderReview;
import io.centerline.targeting.Finding;
import io.centerline.targeting.RuleSource;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The stored rules, compiled and ready for scoring: {@link #evaluate} gives the findings on an entry summary of the
 * rules in force on the day it is scored. Compiled programs are kept between loads (versions never change); the rules are loaded again after
 * every change committed in this process and, for changes made by other instances, at least every
 * {@code centerline.targeting.rules.reload-seconds} (60 by default). Scoring never waits for a load: while one thread
 * loads, the others go on with the rules they had.
 */
@Service
public class RuleBook implements RuleSource {

    private static final Logger LOG = LoggerFactory.getLogger(RuleBook.class);

    private final Rules rules;
    private final RuleEnvironment environment;
    private final long reloadNanos;
    private final ReentrantLock loading = new ReentrantLock();
    private volatile Loaded loaded;

    RuleBook(
            Rules rules,
            RuleEnvironment environment,
            @Value("${centerline.targeting.rules.reload-seconds:60}") long reloadSeconds) {
        this.rules = rules;
        this.environment = environment;
        this.reloadNanos = Duration.ofSeconds(reloadSeconds).toNanos();
    }

    /** The findings of the rules in force on the day of scoring: at most one per rule (see {@link RuleSet}). */
    @Override
    public List<Finding> evaluate(EntryUnderReview entry, LocalDate day) {
        return current().evaluate(entry, day);
    }

    /** How a rule version has fared in this process since it was loaded. */
    public RuleStatistics statistics(RuleCode code, int version) {
        return current().statistics(code, version);
    }

    /** The rules as they stand, loaded again first if they changed or are due for a reload. */
    RuleSet current() {
        Loaded now = loaded;
        if (now != null && fresh(now)) {
            return now.rules;
        }
        if (now == null) {
            loading.lock();
        } else if (!loading.tryLock()) {
            return now.rules;
        }
        try {
            Loaded latest = loaded;
            if (latest != null && fresh(latest)) {
                return latest.rules;
            }
            long changes = rules.changes();
            RuleSet previous = latest == null ? RuleSet.EMPTY : latest.rules;
            RuleSet set =
                    RuleSet.of(rules.all(), environment, previous, rules.latestSuspensions(), rules::recordSuspension);
            if (set.size() != previous.size()) {
                LOG.info("Loaded {} targeting rule versions", set.size());
            }
            loaded = new Loaded(set, changes, System.nanoTime());
            return set;
        } catch (RuntimeException e) {
            if (now == null) {
                throw e;
            }
            LOG.warn("Could not load the targeting rules again; going on with those loaded before", e);
            return now.rules;
        } finally {
            loading.unlock();
        }
    }

    /** Drops the compiled rules and their counts, as a restart does: the next evaluation loads them from the store. */
    void forget() {
        loading.lock();
        try {
            loaded = null;
        } finally {
            loading.unlock();
        }
    }

    private boolean fresh(Loaded candidate) {
        return candidate.changes == rules.changes() && System.nanoTime() - candidate.at < reloadNanos;
    }

    private record Loaded(RuleSet rules, long changes, long at) {}
}
