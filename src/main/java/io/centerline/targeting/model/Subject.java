package io.centerline.targeting.model;

/**
 * What a feature is about, in the words the trade reads: the subject of a review, never how the model weighs it.
 */
public enum Subject {
    VALUE("the declared value"),
    QUANTITY("the declared quantity and weight"),
    CLASSIFICATION("the tariff classification"),
    ORIGIN("the country of origin"),
    DUTY("the duty claimed"),
    PARTIES("the parties to the transaction"),
    SHIPMENT("the port and means of transport"),
    ENTRY("the entry's filing details");

    private final String words;

    Subject(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
