package io.centerline.targeting.detectors;

import io.centerline.platform.ReferenceFiles;
import io.centerline.reference.AdcvdOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The AD/CVD orders of the bundled reference file, read without a database, for detector tests and benchmarks. */
public final class ReferenceOrders {

    private ReferenceOrders() {}

    public static TradeRemedies fromReferenceFile() {
        List<AdcvdOrder> orders = ReferenceFiles.rows("reference/adcvd-orders.csv").stream()
                .map(row -> new AdcvdOrder(
                        row.get("case_number"),
                        AdcvdOrder.Kind.valueOf(row.get("kind")),
                        row.get("product"),
                        row.get("country"),
                        List.of(row.get("hts_prefixes").trim().split("\\s+")),
                        LocalDate.parse(row.get("effective_from")),
                        row.get("revoked_on").isBlank() ? null : LocalDate.parse(row.get("revoked_on")),
                        new BigDecimal(row.get("deposit_rate"))))
                .toList();
        return () -> orders;
    }
}
