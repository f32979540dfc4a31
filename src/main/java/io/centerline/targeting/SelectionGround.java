package io.centerline.targeting;

/** Why a scored entry summary was selected for review or not; an assessment's first reason words it. */
public enum SelectionGround {
    CONTROL_DRAW("drawn for the random control sample"),
    RISKIEST("among the riskiest of the week"),
    RISKIEST_IN_PLACE("among the riskiest of the week, in place of a less risky summary selected before it"),
    ITEMS_TAKEN(null),
    BELOW_THRESHOLD("below the selection threshold");

    private final String words;

    SelectionGround(String words) {
        this.words = words;
    }

    /** The ground in words, for a week with so many risk review items. */
    String words(int riskItems) {
        return this == ITEMS_TAKEN
                ? "at or above the selection threshold, but the week's " + riskItems
                        + " risk review items were already taken by summaries at least as risky, or by ones still"
                        + " being stored"
                : words;
    }
}
