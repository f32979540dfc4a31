package io.centerline.targeting;

import io.centerline.entries.EntrySummariesAccepted;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Scores each chunk of accepted entry summaries on the intake thread as soon as the intake transaction commits, in a
 * transaction of its own. Intake therefore cannot outrun scoring: a chunk is scored before the thread that stored it
 * takes the next one, and a summary read back once intake has answered carries its assessment. The event goes through
 * the publication registry all the same, so a crash between the two commits, or a failure of scoring, leaves the
 * publication incomplete and the chunk is scored on the next start.
 *
 * <p>{@code centerline.targeting.scoring.enabled=false} takes scoring out of intake altogether (for measuring intake on
 * its own); summaries accepted meanwhile stay unscored.
 */
@Component
@ConditionalOnProperty(name = "centerline.targeting.scoring.enabled", havingValue = "true", matchIfMissing = true)
class IntakeScoring {

    private final Scoring scoring;

    IntakeScoring(Scoring scoring) {
        this.scoring = scoring;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(EntrySummariesAccepted accepted) {
        scoring.assessAccepted(accepted.summaries());
    }
}
