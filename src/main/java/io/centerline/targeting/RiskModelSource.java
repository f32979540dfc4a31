package io.centerline.targeting;

import java.util.List;
import java.util.Optional;

/** Where scoring finds the active risk model, if one has been trained and activated. */
public interface RiskModelSource {

    Optional<ActiveModel> active();

    /** A trained model as scoring uses it. */
    interface ActiveModel {

        int version();

        /** The probability of a finding for each line, in one batch. */
        double[] score(List<Declaration> lines);

        /** The model's view of one line, with its main contributing features in words. */
        Finding explain(Declaration line, double probability);
    }
}
