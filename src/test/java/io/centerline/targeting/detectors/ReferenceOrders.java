package io.centerline.targeting.detectors;

import io.centerline.reference.AdcvdOrder;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The AD/CVD orders of the bundled reference file, read without a database, for detector tests and benchmarks. */
public final class ReferenceOrders {

    private ReferenceOrders() {}

    public static TradeRemedies fromReferenceFile() {
        List<AdcvdOrder> orders = new ArrayList<>();
        try (InputStream in = ReferenceOrders.class.getResourceAsStream("/reference/adcvd-orders.csv")) {
            for (CSVRecord row : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setCommentMarker('#')
                    .get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                orders.add(new AdcvdOrder(
                        row.get("case_number"),
                        AdcvdOrder.Kind.valueOf(row.get("kind")),
                        row.get("product"),
                        row.get("country"),
                        List.of(row.get("hts_prefixes").trim().split("\\s+")),
                        LocalDate.parse(row.get("effective_from")),
                        row.get("revoked_on").isBlank() ? null : LocalDate.parse(row.get("revoked_on")),
                        new BigDecimal(row.get("deposit_rate"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<AdcvdOrder> all = List.copyOf(orders);
        return () -> all;
    }
}
