package io.centerline.accounts;

import io.centerline.reference.CenterCode;
import io.centerline.reference.Money;
import java.time.LocalDate;

/** Lines of one entry summary that fall to one Center: the unit of trade an account's assignment is weighed on. */
public record TradeContribution(
        ImporterNumber importer, LocalDate entryDate, CenterCode center, Money enteredValue, int lines) {}
