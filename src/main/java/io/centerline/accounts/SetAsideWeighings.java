package io.centerline.accounts;

import io.centerline.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, weighs again the accounts whose weighing a migration set aside, so that an account's Center never
 * contradicts the trade totals it shows until its next summary arrives.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SetAsideWeighings implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SetAsideWeighings.class);

    private final Accounts accounts;

    SetAsideWeighings(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        int weighed = accounts.weighSetAside(CurrentUser.SYSTEM);
        if (weighed > 0) {
            log.info("Weighed {} importer accounts again on their trade totals", weighed);
        }
    }
}
