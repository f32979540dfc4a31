package io.centerline.accounts;

import java.time.LocalDate;

/** A period in which an importer held CTPAT Trade Compliance status; {@code to} is null while it lasts. */
public record TrustedPartnership(String importerNumber, LocalDate from, LocalDate to) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }
}
