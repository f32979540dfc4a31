package io.centerline.platform;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns a refused request into an answer that says what was wrong, in the error shape of the whole API. It comes before
 * the framework's problem-detail answers, which would otherwise answer the request errors they know in a shape of
 * their own.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, Object>> badRequest(Exception e) {
        return answer(HttpStatus.BAD_REQUEST, "BAD_REQUEST", e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return answer(
                HttpStatus.BAD_REQUEST,
                "UNREADABLE_BODY",
                "The request body could not be read: "
                        + e.getMostSpecificCause().getMessage());
    }

    /**
     * A body of a type the endpoint does not read, with the types it does read; the batch endpoint's answer also says
     * where a single JSON summary goes, the most common mistake.
     */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> unsupportedType(HttpMediaTypeNotSupportedException e) {
        String supported = e.getSupportedMediaTypes().stream()
                .map(MediaType::toString)
                .distinct()
                .collect(Collectors.joining(", "));
        String given =
                e.getContentType() == null ? "a body without a Content-Type" : "Content-Type " + e.getContentType();
        return answer(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "UNSUPPORTED_MEDIA_TYPE",
                "This endpoint does not read " + given + "; it reads " + supported + "."
                        + (MediaType.APPLICATION_JSON.equals(e.getContentType())
                                ? " A batch holds one JSON summary per line (application/x-ndjson); a single"
                                        + " summary as one JSON object goes to POST /api/v1/entry-summaries."
                                : ""));
    }

    static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status)
                .body(Map.of("errors", List.of(Map.of("code", code, "message", String.valueOf(message)))));
    }
}
