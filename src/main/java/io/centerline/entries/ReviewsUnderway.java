package io.centerline.entries;

import java.util.Collection;
import java.util.Set;

/**
 * Which entries CBP is reviewing now: a version selected for review whose outcome is not recorded yet. A post-summary
 * correction cannot be filed while its entry is under CBP review (ACE Entry Summary Business Rules §7.2); targeting,
 * which selects entries and records what their reviews found, answers for intake. Without it no entry is under review.
 */
public interface ReviewsUnderway {

    /** The entry numbers among those given that are under CBP review. */
    Set<String> among(Collection<String> entryNumbers);
}
