package io.centerline.platform;

/**
 * Input refused whole before any record of it is read (a file whose header cannot be read as its format asks), with a
 * stable code: the API answers it 400 in its error shape, and the command line prints its message.
 */
public class RefusedInput extends IllegalArgumentException {

    private final String code;

    public RefusedInput(String code, String message) {
        super(message);
        this.code = code;
    }

    public RefusedInput(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
