package io.centerline.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An antidumping (AD) or countervailing-duty (CVD) order of the Department of Commerce: the goods of one country whose
 * HTS number starts with one of its prefixes are in its scope from its effective date until it is revoked. An AD and a
 * CVD order on the same goods are two orders with case numbers of their own.
 *
 * @param caseNumber the 10-character case number without hyphens, as on the AE 53 record ({@code A570967000})
 * @param revokedOn the date the order ended, or {@code null} while it stands
 * @param depositRate the country-wide cash-deposit rate in percent
 */
public record AdcvdOrder(
        String caseNumber,
        Kind kind,
        String product,
        String country,
        List<String> htsPrefixes,
        LocalDate effectiveFrom,
        LocalDate revokedOn,
        BigDecimal depositRate) {

    /** Which remedy an order imposes. */
    public enum Kind {
        /** Antidumping duty: the goods are sold below normal value. */
        AD,
        /** Countervailing duty: the goods benefit from a foreign subsidy. */
        CVD
    }

    public AdcvdOrder {
        if (caseNumber == null || !caseNumber.matches("[AC][0-9]{9}")) {
            throw new IllegalArgumentException(
                    "An AD/CVD case number is A or C and 9 digits, not '" + caseNumber + "'");
        }
        if (country == null || country.length() != 2) {
            throw new IllegalArgumentException("Order " + caseNumber + " needs a 2-letter country, not " + country);
        }
        if (htsPrefixes == null
                || htsPrefixes.isEmpty()
                || htsPrefixes.stream().anyMatch(p -> !p.matches("[0-9]{4,10}"))) {
            throw new IllegalArgumentException(
                    "Order " + caseNumber + " needs HTS prefixes of 4 to 10 digits, not " + htsPrefixes);
        }
        if (effectiveFrom == null || (revokedOn != null && !revokedOn.isAfter(effectiveFrom))) {
            throw new IllegalArgumentException("Order " + caseNumber
                    + " needs an effective date before its revocation, not " + effectiveFrom + " to " + revokedOn);
        }
        htsPrefixes = List.copyOf(htsPrefixes);
    }

    /** The case number as Commerce writes it, {@code A-570-967}. */
    public String formattedCaseNumber() {
        return caseNumber.charAt(0) + "-" + caseNumber.substring(1, 4) + "-" + caseNumber.substring(4, 7);
    }

    /** Whether the order stands on a date. */
    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (revokedOn == null || date.isBefore(revokedOn));
    }

    /** Whether an HTS number falls under one of the order's prefixes, whatever its origin. */
    public boolean coversProduct(String hts) {
        if (hts == null) {
            return false;
        }
        for (String prefix : htsPrefixes) {
            if (hts.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether goods of an HTS number and country of origin are in the order's scope. */
    public boolean covers(String hts, String countryOfOrigin) {
        return country.equals(countryOfOrigin) && coversProduct(hts);
    }
}
