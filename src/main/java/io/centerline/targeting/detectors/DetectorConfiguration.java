package io.centerline.targeting.detectors;

import io.centerline.reference.ReferenceData;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The detectors as beans. Their memory is bounded by the sizes below, which a deployment may raise: each peer group
 * of the unit-value detector holds up to {@code sample-size} recent values, each map forgets the keys it has not used
 * for longest first (see {@link BoundedMap}). All of it together stays within {@code heap-share} of the heap ({@link DetectorMemory}). The transshipment countries of the origin-shift detector are a comma-separated list of ISO codes.
 */
@Configuration(proxyBeanMethods = false)
class DetectorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DetectorConfiguration.class);

    @Bean
    TradeRemedies tradeRemedies(ReferenceData reference) {
        return reference::adcvdOrders;
    }

    @Bean
    DetectorMemory.Sizes detectorSizes(
            @Value("${centerline.targeting.detectors.heap-share:0.25}") double heapShare,
            @Value("${centerline.targeting.detectors.unit-value.peer-groups:50000}") int peerGroups,
            @Value("${centerline.targeting.detectors.unit-value.sample-size:128}") int sampleSize,
            @Value("${centerline.targeting.detectors.origin-shift.importers:200000}") int importers,
            @Value("${centerline.targeting.detectors.origin-shift.manufacturers:500000}") int manufacturers,
            @Value("${centerline.targeting.detectors.misclassification.keys:500000}") int misclassificationKeys) {
        DetectorMemory.Sizes configured =
                new DetectorMemory.Sizes(peerGroups, sampleSize, importers, manufacturers, misclassificationKeys);
        DetectorMemory memory = DetectorMemory.ofHeap(Runtime.getRuntime().maxMemory(), heapShare);
        DetectorMemory.Sizes sizes = memory.fit(configured);
        if (!sizes.equals(configured)) {
            log.info(
                    "The detectors keep {} MB of running statistics at most ({} of the heap): {} unit-value peer"
                            + " groups, {} importers, {} manufacturers, {} misclassification keys",
                    memory.budgetBytes() >> 20,
                    heapShare,
                    sizes.peerGroups(),
                    sizes.importers(),
                    sizes.manufacturers(),
                    sizes.misclassificationKeys());
        }
        return sizes;
    }

    @Bean
    UnitValueDetector unitValueDetector(DetectorMemory.Sizes sizes) {
        return new UnitValueDetector(sizes.peerGroups(), sizes.sampleSize());
    }

    @Bean
    OriginShiftDetector originShiftDetector(
            TradeRemedies remedies,
            @Value("${centerline.targeting.detectors.origin-shift.transshipment-countries:VN,MY,TH}")
                    Set<String> transshipmentCountries,
            DetectorMemory.Sizes sizes) {
        return new OriginShiftDetector(remedies, transshipmentCountries, sizes.importers(), sizes.manufacturers());
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
    MisclassificationDetector misclassificationDetector(DetectorMemory.Sizes sizes) {
        return new MisclassificationDetector(sizes.misclassificationKeys());
    }
}
