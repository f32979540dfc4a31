package io.centerline.targeting.detectors;

import io.centerline.reference.AdcvdOrder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The trade-remedy orders detectors weigh entries against: the AD/CVD orders of the reference data. */
@FunctionalInterface
public interface TradeRemedies {

    /** Every order, in force or not. */
    List<AdcvdOrder> orders();

    /** The orders in force on a date whose scope holds the HTS number, from any country. */
    default List<AdcvdOrder> onProduct(String hts, LocalDate date) {
        List<AdcvdOrder> found = new ArrayList<>();
        for (AdcvdOrder order : orders()) {
            if (order.coversProduct(hts) && order.inForceOn(date)) {
                found.add(order);
            }
        }
        return found;
    }

    /** The orders in force on a date whose scope holds goods of the HTS number and country of origin. */
    default List<AdcvdOrder> covering(String hts, String countryOfOrigin, LocalDate date) {
        List<AdcvdOrder> found = new ArrayList<>();
        for (AdcvdOrder order : onProduct(hts, date)) {
            if (order.country().equals(countryOfOrigin)) {
                found.add(order);
            }
        }
        return found;
    }
}
