package io.centerline.entries.validation;

import io.centerline.entries.IntakeError;
import io.centerline.entries.Warning;
import java.util.ArrayList;
import java.util.List;

/** What the policies found in one submission: errors refuse it, warnings go with it when it is accepted. */
final class Findings {

    final List<IntakeError> errors = new ArrayList<>();
    final List<Warning> warnings = new ArrayList<>();

    void header(String field, String code, String message) {
        errors.add(IntakeError.header(field, code, message));
    }

    void line(Integer line, String field, String code, String message) {
        errors.add(IntakeError.line(line, field, code, message));
    }

    void warn(Integer line, String code, String message) {
        warnings.add(new Warning(line, code, message));
    }

    boolean hasErrorOn(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }
}
