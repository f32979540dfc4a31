package io.centerline.targeting;

import java.util.List;

/**
 * A named policy that looks for one enforcement signal without anyone writing a rule. Detectors are beans; scoring
 * calls {@link #examineAndLearn} on each accepted entry summary in acceptance order: {@link #examine}, then
 * {@link #learn} with the same summary, so running statistics only ever describe entries that came before.
 */
public interface Detector {

    /** A stable code, used in reasons, outcomes and effectiveness figures, for example {@code unit-value}. */
    String code();

    /** A short name for people, for example "Unit value far below peers". */
    String name();

    /** What it looks for and how, in a sentence or two. */
    String description();

    /** Its findings on one entry summary; empty when it sees nothing. */
    List<Finding> examine(EntryUnderReview entry);

    /** Takes one more accepted entry summary into its running statistics. */
    default void learn(EntryUnderReview entry) {}

    /**
     * Examines an entry summary and then takes it into the running statistics: the findings of {@link #examine},
     * judged on what was learnt before this entry. Scoring calls this for each accepted summary. A detector that reads
     * and learns by the same keys works each of them out once here rather than once for each.
     */
    default List<Finding> examineAndLearn(EntryUnderReview entry) {
        List<Finding> findings = examine(entry);
        learn(entry);
        return findings;
    }
}
