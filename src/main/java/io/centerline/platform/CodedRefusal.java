package io.centerline.platform;

/**
 * A refusal the API answers in its error shape with a stable code, the kind of refusal deciding the status
 * ({@link Invalid}, {@link NotFound}, {@link Conflict}).
 */
public abstract class CodedRefusal extends RuntimeException {

    private final String field;
    private final String code;

    protected CodedRefusal(String code, String message) {
        this(null, code, message);
    }

    /** A refusal naming the field of the request at fault, the JSON path of the body ({@code thresholds.minPeers}). */
    protected CodedRefusal(String field, String code, String message) {
        super(message);
        this.field = field;
        this.code = code;
    }

    /** The field at fault, or {@code null} when the refusal is of no one field. */
    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
