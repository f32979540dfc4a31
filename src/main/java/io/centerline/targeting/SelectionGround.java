package io.centerline.targeting;

/** Why a scored entry summary was selected for review or not; an assessment's first reason words it. */
public enum SelectionGround {
    CONTROL_DRAW("drawn for the random control sample"),
    /** Drawn for the control sample in place of a summary whose draw was higher. */
    CONTROL_DRAW_IN_PLACE(
            "drawn for the random control sample, in place of a summary drawn before it: a week's control review items"
                    + " go to the summaries the random draw puts first, whenever they arrive"),
    RISKIEST("among the riskiest of the week"),
    /** Selected in place of a selection that ranked lower: less risky, or a trusted partner's at its reduced share. */
    RISKIEST_IN_PLACE("among the riskiest of the week, in place of a summary selected before it that ranked lower"),
    /**
     * Turned away when it was scored, selected since: a risk item fell free to it, the Center's capacity having been
     * raised or the week's threshold having fallen to its score.
     */
    RISKIEST_FREED(
            "among the riskiest of the week: without a review item before, it took one that fell free (the Center's"
                    + " capacity was raised, or the week's threshold fell to its score)"),
    ITEMS_TAKEN(null),
    BELOW_THRESHOLD("below the selection threshold"),
    /** No rule, detector or model gave it any risk: a score of zero is never selected for risk. */
    NOTHING_FOUND("nothing raised its score above zero"),
    /** The Center's capacity in force gives the week no items for risk. */
    NO_RISK_ITEMS("the Center's capacity gives the week no risk review items"),
    /**
     * The week holds more selections for risk or for the control sample than the capacity in force gives it: made under
     * an earlier setting that gave it more, they keep their items, and the week selects nothing more meanwhile.
     */
    OVER_CAPACITY(
            "the week already holds more selections than the capacity now in force gives it: made under an earlier"
                    + " setting that gave it more items, they keep them as review work given out, and while it holds"
                    + " more the week selects nothing more, for risk or for the control sample, in place of another or"
                    + " not"),
    /** A correction of an entry whose earlier version holds a review item: it is reviewed with that item. */
    EARLIER_VERSION_HOLDS_ITEM(
            "an earlier version of this entry holds a review item, and a correction is reviewed with it rather than"
                    + " taking an item of its own"),
    /**
     * The summary stood deemed liquidated by operation of law when it arrived (filed after its liquidation deadline,
     * 19 U.S.C. 1504(a)): a review can no longer change its duty.
     */
    DEEMED_LIQUIDATED(
            "the summary stood deemed liquidated when it arrived, a year after its entry date, at the duty asserted:"
                    + " a review can no longer change it, so it takes no review item"),
    /** The importer is a trusted partner, and the Center's trusted-partner factor is zero. */
    TRUSTED_PARTNER_EXEMPT(
            "the importer is a trusted partner, whose entries this Center does not select for risk (its trusted-partner"
                    + " factor is 0)");

    private final String words;

    SelectionGround(String words) {
        this.words = words;
    }

    /** Whether the ground is the control draw's: its selections are for the control sample. */
    boolean controlDraw() {
        return this == CONTROL_DRAW || this == CONTROL_DRAW_IN_PLACE;
    }

    /** The ground in words, for a week with so many risk review items and a summary of a trusted partner or not. */
    String words(int riskItems, boolean trustedPartner) {
        return this == ITEMS_TAKEN
                ? "at or above the selection threshold, but the week's "
                        + (riskItems == 1 ? "only risk review item was" : riskItems + " risk review items were")
                        + " already taken by "
                        + (trustedPartner
                                ? "summaries that rank at least as high as a trusted partner's does at the Center's"
                                        + " reduced share"
                                : "summaries at least as risky")
                        + ", or by ones reviewed already"
                : words;
    }
}
