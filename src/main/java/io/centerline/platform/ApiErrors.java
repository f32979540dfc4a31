package io.centerline.platform;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns a refused request into a 400 answer that says what was wrong, in the error shape of the whole API. */
@RestControllerAdvice
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

    static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status)
                .body(Map.of("errors", List.of(Map.of("code", code, "message", String.valueOf(message)))));
    }
}
