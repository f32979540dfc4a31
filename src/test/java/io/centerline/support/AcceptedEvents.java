package io.centerline.support;

import io.centerline.entries.EntrySummariesAccepted;
import io.centerline.entries.EntrySummaryAccepted;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;

/** A listener of accepted entry summaries, as a later module would have one, recording what reaches it. */
@TestConfiguration(proxyBeanMethods = false)
public class AcceptedEvents {

    public static final Queue<EntrySummaryAccepted> RECEIVED = new ConcurrentLinkedQueue<>();

    @Bean
    Listener acceptedSummariesListener() {
        return new Listener();
    }

    /** Receives the events after the intake transaction commits, through the event publication registry. */
    public static class Listener {
        @ApplicationModuleListener
        public void on(EntrySummariesAccepted event) {
            RECEIVED.addAll(event.summaries());
        }
    }
}
