package io.centerline.accounts;

import io.centerline.reference.CenterCode;
import io.centerline.reference.Money;
import java.time.LocalDate;

/**
 * Lines of one entry summary that fall to one Center: the unit of trade an account's assignment is weighed on. A
 * post-summary correction contributes what it changes, so its value or line count may be negative.
 */
public record TradeContribution(
        ImporterNumber importer, LocalDate entryDate, CenterCode center, Money enteredValue, int lines) {

    /** Whether this takes trade away from its Center: a correction lowered a value or moved lines elsewhere. */
    public boolean takesAway() {
        return enteredValue.amount().signum() < 0 || lines < 0;
    }
}
