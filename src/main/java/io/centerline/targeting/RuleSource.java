package io.centerline.targeting;

import java.util.List;

/** The targeters' rules as scoring uses them: the findings of the rules in force for an entry summary. */
public interface RuleSource {

    List<Finding> evaluate(EntryUnderReview entry);
}
