package io.centerline.entries;

/**
 * One reason an entry summary was refused: the line it concerns (null for the header), the field, a stable code and a
 * message a filer can act on.
 */
public record IntakeError(Integer line, String field, String code, String message) {

    public static IntakeError header(String field, String code, String message) {
        return new IntakeError(null, field, code, message);
    }

    public static IntakeError line(Integer line, String field, String code, String message) {
        return new IntakeError(line, field, code, message);
    }
}
