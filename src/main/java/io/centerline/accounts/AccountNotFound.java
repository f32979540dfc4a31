package io.centerline.accounts;

/** No account exists for an importer number. */
public class AccountNotFound extends RuntimeException {

    public AccountNotFound(ImporterNumber importer) {
        super("There is no account for importer number " + importer);
    }
}
