package io.centerline.targeting.detectors;

import io.centerline.reference.AdcvdOrder;
import io.centerline.targeting.Declaration;
import io.centerline.targeting.EntryUnderReview;
import io.centerline.targeting.Finding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Origin shift after a trade remedy: an importer enters a product (HTS subheading, 6 digits) that an AD/CVD order in
 * force covers when it comes from another country, from an origin it never declared for that product before.
 *
 * <p>On its own this is found when the importer entered the product from the order's country before the order took
 * effect and from the new origin after it. Otherwise the new origin must be a transshipment country (Vietnam,
 * Malaysia, Thailand by default) and one more sign must agree: the importer entered the product from the order's
 * country under the order before; or the importer never declared the new origin for anything in enough earlier lines
 * to know its habits; or the manufacturer was never seen before. The detector learns each importer's origins overall,
 * the manufacturers seen, and each importer's origins per product for the products some AD/CVD order covers, as
 * entries arrive, in maps of bounded size.
 *
 * <p>Only a product an order covers is ever looked up per importer, so only those are learnt per importer: most lines
 * are of products no order touches, and learning them would fill the bounded map with pairs never read, forgetting
 * the ones that are. An order loaded later covers the importer's lines from then on (and from the stored history the
 * detectors replay when the service starts).
 */
public final class OriginShiftDetector extends TunableDetector {

    public static final String CODE = "origin-shift";
    static final String MIN_IMPORTER_LINES = "minImporterLines";

    /** Countries through which goods under AD/CVD orders on China were found to be transshipped. */
    public static final Set<String> TRANSSHIPMENT_COUNTRIES = Set.of("VN", "MY", "TH");

    /**
     * When an importer first and last declared an origin, as epoch days: kept in the old generation and changed in
     * place, so that no date object is promoted there for every line.
     */
    private static final class Seen {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;

        void at(LocalDate date) {
            long day = date.toEpochDay();
            first = Math.min(first, day);
            last = Math.max(last, day);
        }
    }

    /** The origins of one importer, overall or for one product, with the number of lines behind them. */
    private static final class Origins {
        final Map<String, Seen> byCountry = new HashMap<>(4);
        long lines;

        void add(String country, LocalDate date) {
            byCountry.computeIfAbsent(country, c -> new Seen()).at(date);
            lines++;
        }

        Snapshot snapshot() {
            Map<String, LocalDate[]> copy = new LinkedHashMap<>();
            byCountry.forEach((country, seen) -> copy.put(
                    country, new LocalDate[] {LocalDate.ofEpochDay(seen.first), LocalDate.ofEpochDay(seen.last)}));
            return new Snapshot(copy, lines);
        }
    }

    private record Snapshot(Map<String, LocalDate[]> byCountry, long lines) {}

    /**
     * The products (HTS subheadings, 6 digits) that the orders cover in part or whole, in force or not, worked out
     * again whenever the reference data brings another list of orders.
     */
    private record OrderedProducts(List<AdcvdOrder> orders, Set<String> subheadings, List<String> headings) {

        static OrderedProducts of(List<AdcvdOrder> orders) {
            Set<String> subheadings = new HashSet<>();
            List<String> headings = new ArrayList<>();
            for (AdcvdOrder order : orders) {
                for (String prefix : order.htsPrefixes()) {
                    if (prefix.length() >= 6) {
                        subheadings.add(prefix.substring(0, 6));
                    } else {
                        headings.add(prefix);
                    }
                }
            }
            return new OrderedProducts(orders, Set.copyOf(subheadings), List.copyOf(headings));
        }

        boolean contain(String product) {
            if (subheadings.contains(product)) {
                return true;
            }
            for (String heading : headings) {
                if (product.startsWith(heading)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final TradeRemedies remedies;
    private final Set<String> transshipmentCountries;
    private final BoundedMap<String, Origins> importers;
    private final BoundedMap<String, Origins> importerProducts;
    private final BoundedMap<String, Boolean> manufacturers;
    private volatile OrderedProducts orderedProducts = new OrderedProducts(List.of(), Set.of(), List.of());

    public OriginShiftDetector(
            TradeRemedies remedies, Set<String> transshipmentCountries, int maxImporters, int maxManufacturers) {
        super(List.of(Threshold.count(
                MIN_IMPORTER_LINES,
                "Earlier lines an importer needs before an origin it never declared for anything counts as a sign",
                10,
                1,
                100_000)));
        this.remedies = remedies;
        this.transshipmentCountries = Set.copyOf(transshipmentCountries);
        this.importers = new BoundedMap<>(maxImporters);
        this.importerProducts = new BoundedMap<>(maxImporters * 4);
        this.manufacturers = new BoundedMap<>(maxManufacturers);
    }

    /** With room for 200,000 importers, 800,000 importer products and 500,000 manufacturers. */
    public OriginShiftDetector(TradeRemedies remedies) {
        this(remedies, TRANSSHIPMENT_COUNTRIES, 200_000, 500_000);
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String name() {
        return "Origin shift after a trade remedy";
    }

    @Override
    public String description() {
        return "An importer enters a product under an AD/CVD order on another country from an origin it never declared"
                + " for it before: after entering it from the order's country before the order took effect, or from a"
                + " transshipment country ("
                + String.join(", ", transshipmentCountries.stream().sorted().toList())
                + ") with one more sign: goods entered under the order before, an origin new to the importer, or a"
                + " manufacturer never seen.";
    }

    @Override
    protected List<Finding> find(EntryUnderReview entry) {
        List<Finding> findings = new ArrayList<>();
        long minLines = (long) threshold(MIN_IMPORTER_LINES);
        for (Declaration line : entry.lines()) {
            LocalDate date = line.entryDate() != null ? line.entryDate() : entry.entryDate();
            String importer = line.importer() != null ? line.importer() : entry.importer();
            String origin = line.countryOfOrigin();
            if (date == null || Texts.isBlank(importer) || Texts.isBlank(origin) || !hasProduct(line)) {
                continue;
            }
            List<AdcvdOrder> elsewhere = new ArrayList<>();
            for (AdcvdOrder order : remedies.onProduct(line.hts(), date)) {
                if (!order.country().equals(origin)) {
                    elsewhere.add(order);
                }
            }
            if (elsewhere.isEmpty()) {
                continue;
            }
            String product = line.hts().substring(0, 6);
            Snapshot forProduct = importerProducts.read(importer + '/' + product, Origins::snapshot);
            if (forProduct != null && forProduct.byCountry().containsKey(origin)) {
                continue;
            }
            Snapshot overall = importers.read(importer, Origins::snapshot);
            AdcvdOrder order = elsewhere.get(0);
            LocalDate[] formerly = null;
            for (AdcvdOrder candidate : elsewhere) {
                LocalDate[] seen =
                        forProduct == null ? null : forProduct.byCountry().get(candidate.country());
                if (seen != null) {
                    order = candidate;
                    formerly = seen;
                    break;
                }
            }
            String orderText = order.kind() + " order " + order.formattedCaseNumber() + " on "
                    + Texts.hts(product) + " from " + order.country() + " (in force from " + order.effectiveFrom()
                    + ")";
            boolean switchedBeforeOrder = formerly != null && formerly[0].isBefore(order.effectiveFrom());
            boolean switchedUnderOrder = formerly != null && !switchedBeforeOrder;
            boolean newOrigin = overall != null
                    && overall.lines() >= minLines
                    && !overall.byCountry().containsKey(origin);
            boolean transshipment = transshipmentCountries.contains(origin);
            boolean newManufacturer = !Texts.isBlank(line.manufacturer())
                    && manufacturers.read(line.manufacturer(), seen -> seen) == null;
            int corroborating = (switchedUnderOrder ? 1 : 0) + (newOrigin ? 1 : 0) + (newManufacturer ? 1 : 0);
            if (!switchedBeforeOrder && !(transshipment && corroborating > 0)) {
                continue;
            }
            List<String> signals = new ArrayList<>();
            if (formerly != null) {
                signals.add("importer " + Texts.code(importer) + " entered " + Texts.hts(product) + " from "
                        + order.country()
                        + " from " + formerly[0] + " to " + formerly[1]
                        + (switchedBeforeOrder ? ", before " : ", under ")
                        + orderText + ", and now from " + Texts.code(origin)
                        + ", an origin it never declared for this product");
            } else {
                signals.add(Texts.hts(product) + " from " + order.country() + " is under " + orderText + "; importer "
                        + Texts.code(importer) + " declares it from " + Texts.code(origin)
                        + ", an origin it never declared for this product");
            }
            if (newOrigin) {
                signals.add(Texts.code(origin) + " is absent from all " + overall.lines()
                        + " earlier lines of the importer (origins "
                        + String.join(
                                ", ",
                                overall.byCountry().keySet().stream()
                                        .sorted()
                                        .map(Texts::code)
                                        .toList()) + ")");
            }
            if (transshipment) {
                signals.add(Texts.code(origin) + " is a known transshipment country");
            }
            if (newManufacturer) {
                signals.add("manufacturer " + Texts.filed(line.manufacturer()) + " was never seen before");
            }
            double strength = (switchedBeforeOrder ? 0.75 : 0.5) + 0.1 * corroborating + (transshipment ? 0.1 : 0);
            String reason = String.join("; ", signals);
            String tradeReason = "The country of origin declared on line " + line.lineNumber() + " (HTS "
                    + Texts.hts(line.hts()) + ", " + Texts.code(origin) + ") is under review.";
            findings.add(finding(line.lineNumber(), reason, tradeReason, Math.min(0.95, strength)));
        }
        return findings;
    }

    @Override
    public void learn(EntryUnderReview entry) {
        for (Declaration line : entry.lines()) {
            LocalDate date = line.entryDate() != null ? line.entryDate() : entry.entryDate();
            String importer = line.importer() != null ? line.importer() : entry.importer();
            String origin = line.countryOfOrigin();
            if (!Texts.isBlank(line.manufacturer())) {
                manufacturers.update(line.manufacturer(), () -> Boolean.TRUE, seen -> {});
            }
            if (date == null || Texts.isBlank(importer) || Texts.isBlank(origin)) {
                continue;
            }
            importers.update(importer, Origins::new, origins -> origins.add(origin, date));
            if (hasProduct(line)) {
                String product = line.hts().substring(0, 6);
                if (underAnyOrder(product)) {
                    importerProducts.update(
                            importer + '/' + product, Origins::new, origins -> origins.add(origin, date));
                }
            }
        }
    }

    /** Whether some order, in force or not, covers goods of the product. */
    private boolean underAnyOrder(String product) {
        List<AdcvdOrder> orders = remedies.orders();
        OrderedProducts known = orderedProducts;
        if (known.orders() != orders) {
            known = OrderedProducts.of(orders);
            orderedProducts = known;
        }
        return known.contain(product);
    }

    private static boolean hasProduct(Declaration line) {
        return line.hts() != null && line.hts().length() >= 6;
    }
}
