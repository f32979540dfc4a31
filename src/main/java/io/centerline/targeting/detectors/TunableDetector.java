package io.centerline.targeting.detectors;

import io.centerline.platform.RefusedInput;
import io.centerline.platform.Shown;
import io.centerline.targeting.Detector;
import io.centerline.targeting.EntryUnderReview;
import io.centerline.targeting.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A detector that targeters can switch off and tune. Switched off, it finds nothing but goes on learning, so its
 * running statistics are current the moment it is switched on again.
 */
public abstract class TunableDetector implements Detector {

    private final Map<String, Threshold> thresholds = new LinkedHashMap<>();
    private volatile boolean on = true;
    private volatile Map<String, Double> values;

    protected TunableDetector(List<Threshold> thresholds) {
        Map<String, Double> defaults = new LinkedHashMap<>();
        for (Threshold threshold : thresholds) {
            this.thresholds.put(threshold.name(), threshold);
            defaults.put(threshold.name(), threshold.defaultValue());
        }
        this.values = Map.copyOf(defaults);
    }

    @Override
    public final List<Finding> examine(EntryUnderReview entry) {
        if (!on) {
            return List.of();
        }
        return find(entry);
    }

    /** The findings on an entry summary while the detector is switched on. */
    protected abstract List<Finding> find(EntryUnderReview entry);

    public boolean isOn() {
        return on;
    }

    public void switchOn(boolean on) {
        this.on = on;
    }

    /** The figures that can be set, with their defaults and bounds, in a stable order. */
    public List<Threshold> thresholds() {
        return List.copyOf(thresholds.values());
    }

    /** The figures as now set, by name, in the order of {@link #thresholds()}. */
    public Map<String, Double> thresholdValues() {
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (String name : thresholds.keySet()) {
            ordered.put(name, values.get(name));
        }
        return ordered;
    }

    /**
     * Sets some of the figures, leaving the others as they are. All are checked before any is set: an unknown name or
     * a value out of bounds refuses the whole change.
     */
    public synchronized void tune(Map<String, Double> changes) {
        values = Map.copyOf(checked(changes));
    }

    /**
     * All the figures as they would be after a change, checked as {@link #tune} checks them, without setting them.
     */
    public Map<String, Double> checked(Map<String, Double> changes) {
        Map<String, Double> next = new LinkedHashMap<>(thresholdValues());
        changes.forEach((name, value) -> {
            Threshold threshold = thresholds.get(name);
            if (threshold == null) {
                throw new RefusedInput(
                        Threshold.field(Shown.value(name)),
                        "THRESHOLD_UNKNOWN",
                        "Detector " + code() + " has no threshold '" + Shown.value(name) + "'; it has "
                                + (thresholds.isEmpty() ? "none" : String.join(", ", thresholds.keySet())));
            }
            if (value == null) {
                throw new RefusedInput(Threshold.field(name), "REQUIRED", "Threshold " + name + " needs a value");
            }
            next.put(name, threshold.check(value));
        });
        return next;
    }

    protected double threshold(String name) {
        Double value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("Detector " + code() + " has no threshold " + name);
        }
        return value;
    }

    protected Finding finding(int lineNumber, String reason, String tradeReason, double strength) {
        return new Finding(
                Finding.Source.DETECTOR,
                code(),
                1,
                lineNumber,
                reason,
                tradeReason,
                Math.max(0, Math.min(1, strength)));
    }
}
