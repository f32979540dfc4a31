package io.centerline.platform;

/**
 * Input refused with a stable code, and the field at fault when it is one: a file whose header cannot be read as its
 * format asks, refused before any record of it is read, or a setting outside what it takes. The API answers it 400 in
 * its error shape, and the command line (or the start of the service, for a stored setting) prints its message.
 */
public class RefusedInput extends IllegalArgumentException {

    private final String field;
    private final String code;

    public RefusedInput(String code, String message) {
        this(null, code, message);
    }

    /** Input refused for one field, named as the JSON path of a request's body ({@code thresholds.minPeers}). */
    public RefusedInput(String field, String code, String message) {
        super(message);
        this.field = field;
        this.code = code;
    }

    public RefusedInput(String code, String message, Throwable cause) {
        super(message, cause);
        this.field = null;
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
