package io.centerline.demo.generator;

/** An illicit trade pattern that the generator plants in otherwise valid entry summaries, as the §6 themes describe. */
public enum IllicitPattern {
    UNDERVALUATION,
    TRANSSHIPMENT,
    MISCLASSIFICATION,
    ADCVD_EVASION,
    FORCED_LABOUR_LINK
}
