package io.centerline.cli;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress bars that draw in a terminal and fall back to plain lines on standard error elsewhere. */
final class Progress {

    private Progress() {}

    static ProgressBar bar(String task, long max, String unit, long unitSize) {
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .setUnit(unit, unitSize)
                .setUpdateIntervalMillis(1000)
                .showSpeed();
        if (System.console() == null) {
            builder.setConsumer(new DelegatingProgressBarConsumer(System.err::println, 100))
                    .setStyle(ProgressBarStyle.ASCII);
        }
        return builder.build();
    }
}
