package io.centerline.accounts;

import io.centerline.platform.NotFound;

/** No account exists for an importer number. */
public class AccountNotFound extends NotFound {

    public AccountNotFound(ImporterNumber importer) {
        super("ACCOUNT_NOT_FOUND", "There is no account for importer number " + importer);
    }
}
