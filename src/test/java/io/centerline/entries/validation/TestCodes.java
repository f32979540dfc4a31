package io.centerline.entries.validation;

import io.centerline.reference.AdcvdOrder;
import io.centerline.reference.EntryType;
import io.centerline.reference.Money;
import io.centerline.reference.ValueLimit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small fixed set of code lists: three ports, six countries, entry types 01, 03, 06 and 11 and three types not filed
 * on an entry summary (26, 41, 62), modes 10, 11 and 40; clocks from 22 September 2011; an informal entry limit of
 * $2,500 from 7 January 2013 and none before; one AD/CVD order (aluminium extrusions from China).
 */
final class TestCodes implements KnownCodes {

    static final EntryType CONSUMPTION =
            new EntryType("01", "Consumption - free and dutiable", "consumption", false, false, true);
    static final EntryType ADCVD =
            new EntryType("03", "Consumption - antidumping/countervailing duty", "consumption", true, false, true);
    static final EntryType INFORMAL =
            new EntryType("11", "Informal - free and dutiable", "informal", false, false, true);
    static final EntryType FOREIGN_TRADE_ZONE =
            new EntryType("06", "Consumption - foreign trade zone", "consumption", false, true, true);
    static final EntryType FOREIGN_TRADE_ZONE_ADMISSION =
            new EntryType("26", "Warehouse - foreign trade zone admission", "warehouse", false, false, false);
    static final EntryType DRAWBACK =
            new EntryType("41", "Direct identification manufacturing drawback", "drawback", false, false, false);
    static final EntryType IN_BOND =
            new EntryType("62", "Transportation and exportation", "transportation", false, false, false);

    private static final Set<String> PORTS = Set.of("2704", "2709", "1001");
    private static final Set<String> COUNTRIES = Set.of("VN", "CN", "US", "CA", "MX", "DE");
    private static final Map<String, EntryType> ENTRY_TYPES = Map.of(
            CONSUMPTION.code(),
            CONSUMPTION,
            ADCVD.code(),
            ADCVD,
            INFORMAL.code(),
            INFORMAL,
            FOREIGN_TRADE_ZONE.code(),
            FOREIGN_TRADE_ZONE,
            FOREIGN_TRADE_ZONE_ADMISSION.code(),
            FOREIGN_TRADE_ZONE_ADMISSION,
            DRAWBACK.code(),
            DRAWBACK,
            IN_BOND.code(),
            IN_BOND);
    private static final Set<String> MODES = Set.of("10", "11", "40");
    static final LocalDate CLOCKS_FROM = LocalDate.of(2011, 9, 22);
    static final AdcvdOrder ALUMINIUM_EXTRUSIONS = new AdcvdOrder(
            "A570967000",
            AdcvdOrder.Kind.AD,
            "aluminum extrusions",
            "CN",
            List.of("7604", "7608", "7610"),
            LocalDate.of(2011, 5, 26),
            null,
            new BigDecimal("86.01"));
    static final ValueLimit INFORMAL_LIMIT = new ValueLimit(
            ValueLimit.INFORMAL_ENTRY,
            LocalDate.of(2013, 1, 7),
            Money.usd("2500.00"),
            "A shipment valued above this amount must be entered formally",
            "19 CFR 143.21(a)");

    @Override
    public boolean isPort(String code) {
        return PORTS.contains(code);
    }

    @Override
    public boolean isCountry(String code) {
        return COUNTRIES.contains(code);
    }

    @Override
    public Optional<EntryType> entryType(String code) {
        return Optional.ofNullable(ENTRY_TYPES.get(code));
    }

    @Override
    public boolean isModeOfTransport(String code) {
        return MODES.contains(code);
    }

    @Override
    public LocalDate earliestEntryDate() {
        return CLOCKS_FROM;
    }

    @Override
    public Optional<ValueLimit> informalEntryLimit(LocalDate entryDate) {
        return entryDate.isBefore(INFORMAL_LIMIT.effectiveFrom()) ? Optional.empty() : Optional.of(INFORMAL_LIMIT);
    }

    @Override
    public Optional<AdcvdOrder> adcvdOrder(String caseNumber) {
        return Optional.of(ALUMINIUM_EXTRUSIONS)
                .filter(order -> order.caseNumber().equals(caseNumber));
    }

    @Override
    public List<AdcvdOrder> adcvdOrdersCovering(String hts, String countryOfOrigin, LocalDate entryDate) {
        return ALUMINIUM_EXTRUSIONS.covers(hts, countryOfOrigin) && ALUMINIUM_EXTRUSIONS.inForceOn(entryDate)
                ? List.of(ALUMINIUM_EXTRUSIONS)
                : List.of();
    }
}
