package io.centerline.cli;

import io.centerline.targeting.model.ModelTrainer;
import me.tongfei.progressbar.ProgressBar;

/** Shows each stage of a model training as a progress bar over its trees. */
final class TrainingProgress implements ModelTrainer.Listener, AutoCloseable {

    private ProgressBar bar;

    @Override
    public void stage(String stage, int trees) {
        close();
        bar = Progress.bar(stage, trees, "trees", 1);
    }

    @Override
    public void treesGrown(int grown) {
        if (bar != null) {
            bar.stepTo(grown);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
