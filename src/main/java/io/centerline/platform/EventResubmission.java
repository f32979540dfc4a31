package io.centerline.platform;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands events whose listener did not complete (it failed, or the process stopped in between) to their listeners
 * again while the service runs, not only at the next start: every {@code centerline.events.resubmit-every}, each
 * publication older than {@code centerline.events.resubmit-after} that is still incomplete. The age keeps publications
 * whose listener is still at work out of it. Listeners skip what they have already done (scoring skips versions already
 * assessed), so a second delivery changes nothing.
 */
@Component
class EventResubmission {

    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

    private final IncompleteEventPublications publications;
    private final Duration after;

    EventResubmission(
            IncompleteEventPublications publications,
            @Value("${centerline.events.resubmit-after:PT10M}") Duration after) {
        this.publications = publications;
        this.after = after;
    }

    @Scheduled(
            fixedDelayString = "${centerline.events.resubmit-every:PT5M}",
            initialDelayString = "${centerline.events.resubmit-every:PT5M}")
    void resubmit() {
        try {
            publications.resubmitIncompletePublicationsOlderThan(after);
        } catch (RuntimeException e) {
            log.warn("Could not resubmit incomplete event publications; trying again later", e);
        }
    }
}
