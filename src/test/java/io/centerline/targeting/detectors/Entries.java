package io.centerline.targeting.detectors;

import io.centerline.reference.AdcvdOrder;
import io.centerline.targeting.Declaration;
import io.centerline.targeting.EntryUnderReview;
import io.centerline.targeting.History;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Hand-built entry summaries for detector tests: one importer, one date, lines said in a few words each. */
final class Entries {

    static final LocalDate ALUMINIUM_ORDER_DATE = LocalDate.of(2011, 5, 26);

    /** AD and CVD orders on aluminium extrusions (7604) from China, as in the reference file. */
    static final TradeRemedies ALUMINIUM_ORDERS = () -> List.of(
            new AdcvdOrder(
                    "A570967000",
                    AdcvdOrder.Kind.AD,
                    "Aluminum extrusions",
                    "CN",
                    List.of("7604"),
                    ALUMINIUM_ORDER_DATE,
                    null,
                    new BigDecimal("32.79")),
            new AdcvdOrder(
                    "C570968000",
                    AdcvdOrder.Kind.CVD,
                    "Aluminum extrusions",
                    "CN",
                    List.of("7604"),
                    ALUMINIUM_ORDER_DATE,
                    null,
                    new BigDecimal("7.37")));

    private static final AtomicInteger SERIALS = new AtomicInteger();

    private Entries() {}

    static Line line(String hts, String origin) {
        return new Line(hts, origin);
    }

    /** An entry summary of type 01 by an importer on a date. */
    static EntryUnderReview entry(String importer, LocalDate date, Line... lines) {
        return entry("01", importer, date, lines);
    }

    static EntryUnderReview entry(String entryType, String importer, LocalDate date, Line... lines) {
        String entryNumber = String.format("ZZZ%08d", SERIALS.incrementAndGet());
        List<Declaration> declarations = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            declarations.add(lines[i].declaration(entryNumber, i + 1, entryType, importer, date));
        }
        return new EntryUnderReview(
                entryNumber, 1, date, entryType, "BM", importer, "ZZZ", false, declarations, History.NONE);
    }

    /** One line: an HTS number and origin, then whatever the test needs said; the rest is plain and valid. */
    static final class Line {
        private final String hts;
        private final String origin;
        private String manufacturer = "VNSAMELE12HAN";
        private String description = "goods";
        private double value = 10_000;
        private double quantity = 1_000;
        private String unit = "KG";
        private double dutyRate = 5;
        private boolean related;
        private String caseNumber;
        private final Map<String, String> attributes = new HashMap<>();

        private Line(String hts, String origin) {
            this.hts = hts;
            this.origin = origin;
        }

        /** Sets the quantity to 1,000 and the value to match the unit value. */
        Line unitValue(double unitValue) {
            this.quantity = 1_000;
            this.value = unitValue * 1_000;
            return this;
        }

        /** Sets the value and the quantity as declared. */
        Line valueAndQuantity(double value, double quantity) {
            this.value = value;
            this.quantity = quantity;
            return this;
        }

        Line unit(String unit) {
            this.unit = unit;
            return this;
        }

        Line madeBy(String manufacturer) {
            this.manufacturer = manufacturer;
            return this;
        }

        Line soldBy(String seller) {
            attributes.put("seller", seller);
            return this;
        }

        Line described(String description) {
            this.description = description;
            return this;
        }

        Line dutyRate(double percent) {
            this.dutyRate = percent;
            return this;
        }

        Line relatedParty() {
            this.related = true;
            return this;
        }

        Line adcvdCase(String caseNumber) {
            this.caseNumber = caseNumber;
            return this;
        }

        Declaration declaration(String entryNumber, int number, String entryType, String importer, LocalDate date) {
            return new Declaration(
                    entryNumber,
                    1,
                    number,
                    date,
                    entryType,
                    importer,
                    "ZZZ",
                    "2704",
                    "11",
                    "BM",
                    hts,
                    origin,
                    origin,
                    manufacturer,
                    description,
                    value,
                    quantity,
                    unit,
                    quantity,
                    dutyRate,
                    related,
                    caseNumber,
                    attributes);
        }
    }
}
