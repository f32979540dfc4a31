package io.centerline.targeting.rules;

import io.centerline.targeting.EntryUnderReview;
import io.centerline.targeting.Finding;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** What the running service's rule book finds on an entry summary scored today, for one rule. */
final class RuleFindings {

    private RuleFindings() {}

    static List<Finding> of(RuleBook book, Clock clock, String code, EntryUnderReview entry) {
        return book.evaluate(entry, LocalDate.now(clock)).stream()
                .filter(finding -> finding.code().equals(code))
                .toList();
    }
}
