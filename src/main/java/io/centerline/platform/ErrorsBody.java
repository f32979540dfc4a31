package io.centerline.platform;

import java.util.List;

/**
 * The shape of every refusal the API answers, for its OpenAPI description: the errors, each naming the record (the
 * position in a batch), the line and the field where it can, with a stable code and a message a filer understands.
 */
public record ErrorsBody(List<Error> errors) {

    public record Error(Integer record, Integer line, String field, String code, String message) {}
}
