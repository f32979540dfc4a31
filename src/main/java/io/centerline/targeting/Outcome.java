package io.centerline.targeting;

/** What a review of an entry summary found; anything but {@link #NO_CHANGE} is a finding. */
public enum Outcome {
    NO_CHANGE("no change"),
    CLASSIFICATION("classification"),
    VALUE("value"),
    ORIGIN("origin"),
    ADCVD("AD/CVD"),
    FORCED_LABOUR("forced labour"),
    IPR("intellectual property"),
    OTHER("other");

    private final String words;

    Outcome(String words) {
        this.words = words;
    }

    public boolean isFinding() {
        return this != NO_CHANGE;
    }

    public String words() {
        return words;
    }
}
