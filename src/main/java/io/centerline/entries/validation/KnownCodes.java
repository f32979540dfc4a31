package io.centerline.entries.validation;

import io.centerline.reference.AdcvdOrder;
import io.centerline.reference.EntryType;
import io.centerline.reference.ValueLimit;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The code lists validation checks against: ports, countries, entry types and modes of transport. */
public interface KnownCodes {

    boolean isPort(String code);

    boolean isCountry(String code);

    Optional<EntryType> entryType(String code);

    boolean isModeOfTransport(String code);

    /**
     * The first entry date whose clocks the statutory periods on file can set: an entry before it is refused, since no
     * clock of it could be computed (and it was liquidated long ago).
     */
    LocalDate earliestEntryDate();

    /** The highest value of a shipment that may be entered informally on a date, if a limit is in force then. */
    Optional<ValueLimit> informalEntryLimit(LocalDate entryDate);

    /** The AD/CVD order on file under a case number without hyphens ({@code A570967000}), if one is. */
    Optional<AdcvdOrder> adcvdOrder(String caseNumber);

    /** The AD/CVD orders in force on a date whose scope (HTS prefixes and country) holds a line's goods. */
    List<AdcvdOrder> adcvdOrdersCovering(String hts, String countryOfOrigin, LocalDate entryDate);
}
