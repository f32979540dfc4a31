package io.centerline.targeting;

/** How often a party's or a product's entries were reviewed before, and how many of those reviews found something. */
public record Track(long reviews, long findings) {

    public static final Track NONE = new Track(0, 0);

    public Track {
        if (reviews < 0 || findings < 0 || findings > reviews) {
            throw new IllegalArgumentException(
                    "A track needs 0 <= findings <= reviews, not " + findings + "/" + reviews);
        }
    }

    /** The share of reviews with a finding, or 0 with no review. */
    public double findingRate() {
        return reviews == 0 ? 0 : (double) findings / reviews;
    }
}
