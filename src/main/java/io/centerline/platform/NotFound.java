package io.centerline.platform;

/**
 * What a request asked for is not there, or not there for the one asking: answered 404 in the API's error shape, with
 * a code that names the kind of thing and a message that names the thing.
 */
public class NotFound extends CodedRefusal {

    public NotFound(String code, String message) {
        super(code, message);
    }
}
