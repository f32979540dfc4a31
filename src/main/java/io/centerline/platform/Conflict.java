package io.centerline.platform;

/**
 * A request that the state of what it names does not allow (an override lifted where none is in force, a period that
 * overlaps one on file): answered 409 in the API's error shape, with a code for the kind of conflict and a message that
 * says what stands in the way.
 */
public class Conflict extends CodedRefusal {

    public Conflict(String code, String message) {
        super(code, message);
    }
}
