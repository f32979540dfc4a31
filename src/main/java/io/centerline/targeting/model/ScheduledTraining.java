package io.centerline.targeting.model;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retrains the risk model on the schedule of {@code centerline.targeting.model.training-cron} (off with "-", the
 * default). A scheduled version waits for a targeter to activate it, unless no version is active yet.
 */
@Component
class ScheduledTraining {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledTraining.class);

    private final RiskModels models;

    ScheduledTraining(RiskModels models) {
        this.models = models;
    }

    @Scheduled(cron = "${centerline.targeting.model.training-cron:-}")
    void retrain() {
        TrainingOutcome outcome = models.train("scheduler");
        if (outcome instanceof TrainingOutcome.NotEnoughData notEnough) {
            LOG.info("Scheduled risk model training skipped: {}", notEnough.reason());
        } else if (outcome instanceof TrainingOutcome.AlreadyRunning) {
            LOG.info("Scheduled risk model training skipped: a training is already running");
        }
    }
}
