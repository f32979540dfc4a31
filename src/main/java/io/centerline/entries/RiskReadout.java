package io.centerline.entries;

import java.util.Optional;

/**
 * What targeting says about an entry summary version's risk, for the read-back. Entries declares it and the targeting
 * module provides it, so that entries needs to know nothing of targeting.
 */
public interface RiskReadout {

    /** The risk of a version as the audience may read it; empty when it has not been scored yet. */
    Optional<EntrySummaryView.Risk> riskOf(String entryNumber, int version, Audience audience);

    /** Who reads: CBP staff read the specialist's reasons, the trade reads the reasons written for it. */
    enum Audience {
        CBP,
        TRADE
    }
}
