package io.centerline.targeting;

import java.time.LocalDate;
import java.util.List;

/** The targeters' rules as scoring uses them: the findings of the rules in force for an entry summary. */
public interface RuleSource {

    /**
     * The findings of the rule versions in force on {@code day}, the day the summary is scored: a rule switched on
     * applies to every summary scored from then on, whatever its entry date (a summary is filed up to ten working
     * days after its entry, a correction up to 300 days), and a rule retired applies to none scored after.
     */
    List<Finding> evaluate(EntryUnderReview entry, LocalDate day);
}
