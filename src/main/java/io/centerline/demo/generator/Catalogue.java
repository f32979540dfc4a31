package io.centerline.demo.generator;

import io.centerline.platform.ReferenceFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * The products importers bring in, from {@code demo/hts-catalogue.csv}: a 10-digit classification in chapters 01 to
 * 97, its unit of quantity, the usual range of unit values in USD, the kilograms per unit, the general duty rate in
 * percent and a commercial description of at most 70 characters.
 */
final class Catalogue {

    private static final String RESOURCE = "/demo/hts-catalogue.csv";

    /** One catalogued product; {@code center} is the Center of its heading. */
    record Product(
            String hts,
            String unit,
            double minUnitValue,
            double maxUnitValue,
            double kgPerUnit,
            double dutyRate,
            String description,
            String center) {

        /** The geometric middle of the usual unit-value range. */
        double normalUnitValue() {
            return Math.sqrt(minUnitValue * maxUnitValue);
        }

        String heading() {
            return hts.substring(0, 4);
        }

        boolean countedInWholeUnits() {
            return !unit.equals("M3") && !unit.equals("BBL");
        }
    }

    private final List<Product> products;
    private final Map<String, List<Product>> byCenter = new LinkedHashMap<>();
    private final Map<Product, Product> lowerDutyNeighbour = new LinkedHashMap<>();

    private Catalogue(List<Product> products) {
        this.products = List.copyOf(products);
        for (String center : HeadingCenters.CENTERS) {
            byCenter.put(center, new ArrayList<>());
        }
        for (Product product : products) {
            byCenter.get(product.center()).add(product);
        }
        for (Product product : products) {
            Product neighbour = null;
            int heading = Integer.parseInt(product.heading());
            for (Product other : products) {
                boolean sameChapter = other.hts().regionMatches(0, product.hts(), 0, 2);
                if (sameChapter
                        && !other.heading().equals(product.heading())
                        && other.dutyRate() < product.dutyRate() - 0.5
                        && (neighbour == null
                                || Math.abs(Integer.parseInt(other.heading()) - heading)
                                        < Math.abs(Integer.parseInt(neighbour.heading()) - heading))) {
                    neighbour = other;
                }
            }
            if (neighbour != null) {
                lowerDutyNeighbour.put(product, neighbour);
            }
        }
    }

    static Catalogue load() {
        List<Product> products = new ArrayList<>();
        for (CSVRecord row : ReferenceFiles.rows(RESOURCE)) {
            String hts = row.get("hts");
            String description = row.get("description");
            String center = HeadingCenters.centerOf(hts);
            if (hts.length() != 10 || center == null || description.length() > 70) {
                throw new IllegalStateException("Bad catalogue row " + row.getRecordNumber() + ": " + hts);
            }
            products.add(new Product(
                    hts,
                    row.get("unit"),
                    Double.parseDouble(row.get("min_unit_value")),
                    Double.parseDouble(row.get("max_unit_value")),
                    Double.parseDouble(row.get("kg_per_unit")),
                    Double.parseDouble(row.get("duty_rate")),
                    description,
                    center));
        }
        return new Catalogue(products);
    }

    List<Product> products() {
        return products;
    }

    List<Product> ofCenter(String center) {
        return byCenter.get(center);
    }

    /** The nearest product of the same chapter under another heading with a lower duty rate, or {@code null}. */
    Product lowerDutyNeighbour(Product product) {
        return lowerDutyNeighbour.get(product);
    }

    List<Product> withPrefix(String... prefixes) {
        List<Product> found = new ArrayList<>();
        for (Product product : products) {
            for (String prefix : prefixes) {
                if (product.hts().startsWith(prefix)) {
                    found.add(product);
                    break;
                }
            }
        }
        return found;
    }
}
