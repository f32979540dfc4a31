package io.centerline.reference;

/** A range of HTS headings (inclusive) that belongs to one Center. */
public record HtsCenterRange(String headingFrom, String headingTo, CenterCode center, String description) {

    public HtsCenterRange {
        if (headingFrom == null
                || !headingFrom.matches("\\d{4}")
                || headingTo == null
                || !headingTo.matches("\\d{4}")) {
            throw new IllegalArgumentException("Headings are 4 digits: '" + headingFrom + "' to '" + headingTo + "'");
        }
        if (headingFrom.compareTo(headingTo) > 0) {
            throw new IllegalArgumentException("Heading range " + headingFrom + "-" + headingTo + " runs backwards");
        }
    }

    public boolean contains(String heading) {
        return headingFrom.compareTo(heading) <= 0 && heading.compareTo(headingTo) <= 0;
    }
}
