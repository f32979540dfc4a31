package io.centerline.accounts;

import io.centerline.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps every account's Center in step with the trade totals it shows when no summary of its own arrives: at start
 * and every day, on {@code centerline.accounts.window-weighing-cron} (five past midnight by default), it weighs again
 * the accounts not weighed on the current trailing window: those whose window the turn of the month (or a restart with
 * a later business date) has moved, and those whose weighing a migration set aside.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class WindowWeighings implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WindowWeighings.class);

    private final Accounts accounts;

    WindowWeighings(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        weighOnCurrentWindow();
    }

    @Scheduled(cron = "${centerline.accounts.window-weighing-cron:0 5 0 * * *}")
    void weighOnCurrentWindow() {
        int weighed = accounts.weighOnCurrentWindow(CurrentUser.SYSTEM);
        if (weighed > 0) {
            log.info("Weighed {} importer accounts again on the current trailing twelve months", weighed);
        }
    }
}
