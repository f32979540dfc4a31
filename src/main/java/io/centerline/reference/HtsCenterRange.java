package io.centerline.reference;

import io.centerline.platform.Shown;

/** A range of HTS headings (inclusive) that belongs to one Center. */
public record HtsCenterRange(String headingFrom, String headingTo, CenterCode center, String description) {

    public HtsCenterRange {
        if (headingFrom == null
                || !headingFrom.matches("\\d{4}")
                || headingTo == null
                || !headingTo.matches("\\d{4}")) {
            throw new IllegalArgumentException(
                    "Headings are 4 digits: '" + Shown.value(headingFrom) + "' to '" + Shown.value(headingTo) + "'");
        }
        if (headingFrom.compareTo(headingTo) > 0) {
            throw new IllegalArgumentException("Heading range " + headingFrom + "-" + headingTo + " runs backwards");
        }
        // chapters 98 and 99 are special classification provisions, filed only as additional numbers: no Center owns
        // them
        if (headingFrom.compareTo("0101") < 0 || headingTo.compareTo("9799") > 0) {
            throw new IllegalArgumentException("Heading range " + headingFrom + "-" + headingTo
                    + " reaches beyond chapters 01 to 97 (headings 0101 to 9799), the chapters a Center can own");
        }
    }

    public boolean contains(String heading) {
        return headingFrom.compareTo(heading) <= 0 && heading.compareTo(headingTo) <= 0;
    }
}
