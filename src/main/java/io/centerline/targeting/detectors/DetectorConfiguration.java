package io.centerline.targeting.detectors;

import io.centerline.reference.ReferenceData;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The detectors as beans. Their memory is bounded by the sizes below, which a deployment may raise: each peer group
 * of the unit-value detector holds up to {@code sample-size} recent values, each map forgets its least recently used
 * keys first. The transshipment countries of the origin-shift detector are a comma-separated list of ISO codes.
 */
@Configuration(proxyBeanMethods = false)
class DetectorConfiguration {

    @Bean
    TradeRemedies tradeRemedies(ReferenceData reference) {
        return reference::adcvdOrders;
    }

    @Bean
    UnitValueDetector unitValueDetector(
            @Value("${centerline.targeting.detectors.unit-value.peer-groups:50000}") int peerGroups,
            @Value("${centerline.targeting.detectors.unit-value.sample-size:128}") int sampleSize) {
        return new UnitValueDetector(peerGroups, sampleSize);
    }

    @Bean
    OriginShiftDetector originShiftDetector(
            TradeRemedies remedies,
            @Value("${centerline.targeting.detectors.origin-shift.transshipment-countries:VN,MY,TH}")
                    Set<String> transshipmentCountries,
            @Value("${centerline.targeting.detectors.origin-shift.importers:200000}") int importers,
            @Value("${centerline.targeting.detectors.origin-shift.manufacturers:500000}") int manufacturers) {
        return new OriginShiftDetector(remedies, OriginShiftDetector.TRANSSHIPMENT_COUNTRIES, importers, manufacturers);
    }

    @Bean
    AdcvdScopeDetector adcvdScopeDetector(TradeRemedies remedies) {
        return new AdcvdScopeDetector(remedies);
    }

    @Bean
    ForcedLabourDetector forcedLabourDetector() {
        return new ForcedLabourDetector();
    }

    @Bean
    MisclassificationDetector misclassificationDetector(
            @Value("${centerline.targeting.detectors.misclassification.keys:500000}") int keys) {
        return new MisclassificationDetector(keys);
    }
}
