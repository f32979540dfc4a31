package io.centerline.platform;

/**
 * A refusal the API answers in its error shape with a stable code, the kind of refusal deciding the status
 * ({@link Invalid}, {@link NotFound}, {@link Conflict}).
 */
public abstract class CodedRefusal extends RuntimeException {

    private final String code;

    protected CodedRefusal(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
