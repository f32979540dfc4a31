package io.centerline.targeting;

import io.centerline.entries.ReviewsUnderway;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The entries under CBP review: a version of the entry holds a selection, for risk or for the control sample, and no
 * review outcome is recorded for any of its versions. A recorded outcome ends the review.
 */
@Component
class OpenReviews implements ReviewsUnderway {

    private final JdbcClient jdbc;

    OpenReviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> among(Collection<String> entryNumbers) {
        if (entryNumbers.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select distinct a.entry_number from risk_assessment a"
                        + " where a.entry_number = any(?) and a.selection is not null"
                        + " and not exists (select 1 from review_outcome o where o.entry_number = a.entry_number)")
                .param(entryNumbers.toArray(String[]::new))
                .query(String.class)
                .list());
    }
}
