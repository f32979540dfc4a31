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
    /**
     * Turned away while its week held more selections than its items (a capacity lowered while the week ran), selected
     * since in place of a lower ranked selection: once the week held no more than its items it competed as it would
     * have on arrival.
     */
    RISKIEST_FREED_IN_PLACE(
            "among the riskiest of the week: turned away while the week held more selections than a lowered capacity"
                    + " gave it, it competed once the week held no more than its items, as it would have on arrival,"
                    + " and took the item of a summary selected before it that ranked lower"),
    ITEMS_TAKEN(null),
    BELOW_THRESHOLD("below the selection threshold"),
    /** No rule, detector or model gave it any risk: a score of zero is never selected for risk. */
    NOTHING_FOUND("nothing raised its score above zero"),
    /** The Center's capacity in force gives the week no items for risk. */
    NO_RISK_ITEMS("the Center's capacity gives the week no risk review items"),
    /**
     * When it was scored, the week held more selections for risk or for the control sample than the capacity then in
     * force gave it: made under an earlier setting that gave it more, they keep their items, and the week selects nothing
     * more meanwhile. A summary so turned away that scored above zero competes once the week holds no more than its
     * items, and then takes the ground of that decision.
     */
    OVER_CAPACITY(
            "when it was scored, the week already held more selections than the capacity then in force gave it: made"
                    + " under an earlier setting that gave it more items, they keep them as review work given out, and"
                    + " while it holds more the week selects nothing more, for risk or for the control sample, in place"
                    + " of another or not; a summary so turned away that scored above zero competes for a risk item"
                    + " once the week holds no more than its items"),
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
