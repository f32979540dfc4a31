package io.centerline.platform;

/** A request whose content is refused for a reason its code names, answered 400. */
public class Invalid extends CodedRefusal {

    public Invalid(String code, String message) {
        super(code, message);
    }

    public Invalid(String field, String code, String message) {
        super(field, code, message);
    }
}
