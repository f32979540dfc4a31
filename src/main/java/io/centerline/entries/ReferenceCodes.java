package io.centerline.entries;

import io.centerline.entries.validation.KnownCodes;
import io.centerline.reference.AdcvdOrder;
import io.centerline.reference.EntryType;
import io.centerline.reference.ReferenceData;
import io.centerline.reference.ValueLimit;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The code lists of the reference module, as validation consults them. */
@Component
class ReferenceCodes implements KnownCodes {

    private final ReferenceData reference;

    ReferenceCodes(ReferenceData reference) {
        this.reference = reference;
    }

    @Override
    public boolean isPort(String code) {
        return reference.port(code).isPresent();
    }

    @Override
    public boolean isCountry(String code) {
        return reference.isCountry(code);
    }

    @Override
    public Optional<EntryType> entryType(String code) {
        return reference.entryType(code);
    }

    @Override
    public boolean isModeOfTransport(String code) {
        return reference.modeOfTransport(code).isPresent();
    }

    @Override
    public LocalDate earliestEntryDate() {
        return reference.statutoryPeriodsInForceFrom();
    }

    @Override
    public Optional<ValueLimit> informalEntryLimit(LocalDate entryDate) {
        return reference.valueLimit(ValueLimit.INFORMAL_ENTRY, entryDate);
    }

    @Override
    public Optional<AdcvdOrder> adcvdOrder(String caseNumber) {
        return reference.adcvdOrder(caseNumber);
    }

    @Override
    public List<AdcvdOrder> adcvdOrdersCovering(String hts, String countryOfOrigin, LocalDate entryDate) {
        return reference.adcvdOrdersCovering(hts, countryOfOrigin, entryDate);
    }
}
