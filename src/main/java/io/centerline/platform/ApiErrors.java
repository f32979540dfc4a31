package io.centerline.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a refused request into an answer that says what was wrong, in the error shape of the whole API. It comes before
 * the framework's problem-detail answers, which would otherwise answer the request errors they know in a shape of
 * their own.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private final JsonMapper json;

    ApiErrors(JsonMapper json) {
        this.json = json;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
        return e instanceof RefusedInput refused
                ? answer(HttpStatus.BAD_REQUEST, refused.field(), refused.code(), e.getMessage())
                : answer(HttpStatus.BAD_REQUEST, "BAD_REQUEST", e.getMessage());
    }

    @ExceptionHandler(Invalid.class)
    ResponseEntity<Map<String, Object>> invalid(Invalid e) {
        return answer(HttpStatus.BAD_REQUEST, e.field(), e.code(), e.getMessage());
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, Object>> notFound(NotFound e) {
        return answer(HttpStatus.NOT_FOUND, e.code(), e.getMessage());
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<Map<String, Object>> conflict(Conflict e) {
        return answer(HttpStatus.CONFLICT, e.code(), e.getMessage());
    }

    /**
     * A path no endpoint answers. The framework looks for a static file there last, and would answer that none is
     * there; an endpoint that answers the path and finds nothing says so with a {@link NotFound} of its own.
     */
    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<Map<String, Object>> noEndpoint(HttpServletRequest request) {
        return answer(HttpStatus.NOT_FOUND, "NOT_FOUND", noEndpoint(request.getMethod(), request.getRequestURI()));
    }

    /** Why a request found no endpoint, and where the endpoints are listed. */
    static String noEndpoint(String method, String path) {
        return "No API endpoint at " + method + " " + Shown.path(path)
                + "; the OpenAPI description at /v3/api-docs lists them.";
    }

    /**
     * A path an endpoint answers, asked with a method it does not take: the message and the Allow header name the
     * methods it takes.
     */
    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> methodNotAllowed(
            HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        Set<HttpMethod> allowed = e.getSupportedHttpMethods();
        String takes = allowed == null || allowed.isEmpty()
                ? ""
                : "; it takes "
                        + allowed.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .headers(e.getHeaders())
                .body(body(
                        "METHOD_NOT_ALLOWED",
                        Shown.path(request.getRequestURI()) + " does not take " + e.getMethod() + takes + "."));
    }

    /** A path or query parameter that is not of its kind, named with what it should be. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getParameter().nestedIfOptional().getNestedParameterType();
        String value = String.valueOf(e.getValue());
        if ((type == Integer.class || type == int.class)
                && WHOLE_NUMBER.matcher(value).matches()) {
            // a whole number all the same, only beyond what the parameter takes
            return answer(
                    HttpStatus.BAD_REQUEST,
                    "BAD_REQUEST",
                    "The " + e.getName() + " '" + Shown.value(value) + "' is a whole number out of range (from "
                            + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ").");
        }
        return answer(
                HttpStatus.BAD_REQUEST,
                "BAD_REQUEST",
                "The " + e.getName() + " '" + Shown.value(value) + "' is not " + kind(type) + ".");
    }

    private static String kind(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "));
        }
        return ANY_FORM;
    }

    private static final String ANY_FORM = "of the expected form";
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d+");

    /** A query parameter the endpoint needs and the request left out. */
    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException e) {
        return answer(
                HttpStatus.BAD_REQUEST,
                "PARAMETER_REQUIRED",
                "The query parameter " + e.getParameterName() + " is required here.");
    }

    /**
     * A body that cannot be read as the endpoint's request: the parser's own words and where it stopped, or the field
     * whose value is of the wrong kind, never the classes behind the endpoint.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonBodyLimit.TooLarge tooLarge) {
                return answer(HttpStatus.PAYLOAD_TOO_LARGE, "BODY_TOO_LARGE", tooLarge.getMessage());
            }
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return answer(
                        HttpStatus.BAD_REQUEST,
                        fieldOf(unknown),
                        "UNKNOWN_FIELD",
                        "The request body names a field this request does not take: " + fieldOf(unknown)
                                + "; it takes "
                                + unknown.getKnownPropertyIds().stream()
                                        .map(String::valueOf)
                                        .sorted()
                                        .collect(Collectors.joining(", "))
                                + ".");
            }
        }
        String why = why(e);
        String field = "";
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json) {
                field = fieldOf(json);
                break;
            }
        }
        return answer(
                HttpStatus.BAD_REQUEST,
                field,
                "UNREADABLE_BODY",
                "The request body could not be read: " + why + (why.endsWith(".") ? "" : "."));
    }

    private static String why(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json) {
                String field = fieldOf(json);
                TokenStreamLocation at = json.getLocation();
                String where = !field.isEmpty()
                        ? "field " + field + ": "
                        : at != null && at.getLineNr() > 0
                                ? "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": "
                                : "";
                if (json instanceof InvalidFormatException invalid && invalid.getTargetType() == LocalDate.class) {
                    return where + "'" + Shown.value(String.valueOf(invalid.getValue()))
                            + "' is not a date: write it as YYYY-MM-DD, for example"
                            + " 2026-03-02";
                }
                if (json instanceof MismatchedInputException mismatch && namesATypeOrSetting(json)) {
                    String given = given(mismatch);
                    return field.isEmpty()
                            ? "the body must be " + expected(mismatch.getTargetType()) + given
                            : where + expected(mismatch.getTargetType()) + " is expected here" + given;
                }
                // the parser's own words name its settings and sources; what a syntax error means is said plainly
                return where
                        + (json instanceof StreamReadException
                                ? JsonSyntax.reason(json, false)
                                : json.getOriginalMessage());
            }
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.startsWith("Required request body is missing")
                ? "it is empty, and this request needs one"
                : e.getMostSpecificCause().getMessage();
    }

    /**
     * Whether the parser's own words name a Java type ({@code `java.lang.Integer`}), a parser token or one of its
     * settings, which mean nothing to a client; the service's own words never do.
     */
    private static boolean namesATypeOrSetting(JacksonException json) {
        String message = json.getOriginalMessage();
        return message == null || message.contains("`") || message.contains("CoercionConfig");
    }

    /** What a value of the type is, in the words of JSON. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another kind";
        }
        if (type == Short.class || type == short.class || type == BigInteger.class) {
            return "a whole number";
        }
        String kind = kind(type);
        if (!kind.equals(ANY_FORM)) {
            return kind;
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == char.class) {
            return "text in double quotes";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return "a JSON object";
    }

    private static final Pattern TOKEN = Pattern.compile("JsonToken\\.([A-Z_]+)");
    private static final Pattern VALUE = Pattern.compile("value \\(([^)]{1,40})\\)");

    /** What the body held instead, as ", not ..." when the parser says; empty when it does not. */
    private static String given(MismatchedInputException mismatch) {
        if (mismatch instanceof InvalidFormatException invalid && invalid.getValue() != null) {
            Object value = invalid.getValue();
            return ", not "
                    + (value instanceof String text
                            ? "'" + Shown.value(text) + "'"
                            : Shown.value(String.valueOf(value)));
        }
        String message = String.valueOf(mismatch.getOriginalMessage());
        Matcher token = TOKEN.matcher(message);
        if (!token.find()) {
            Matcher value = VALUE.matcher(message);
            return value.find() ? ", not " + value.group(1) : "";
        }
        return switch (token.group(1)) {
            case "START_ARRAY" -> ", not an array";
            case "START_OBJECT" -> ", not an object";
            case "VALUE_STRING" -> ", not text";
            case "VALUE_NUMBER_INT", "VALUE_NUMBER_FLOAT" -> ", not a number";
            case "VALUE_TRUE", "VALUE_FALSE" -> ", not true or false";
            case "VALUE_NULL" -> ", not null";
            default -> "";
        };
    }

    /**
     * The field a parser stopped at, as a dotted path with indexes ({@code lines[0].amount}), each name shown as
     * {@link Shown} shows a value sent; empty for none.
     */
    private static String fieldOf(JacksonException json) {
        return json.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? Shown.value(reference.getPropertyName())
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
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
        String given = e.getContentType() == null
                ? "a body without a Content-Type"
                : "Content-Type " + Shown.value(e.getContentType().toString());
        return answer(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "UNSUPPORTED_MEDIA_TYPE",
                "This endpoint does not read " + given + "; it reads " + supported + "."
                        + (MediaType.APPLICATION_JSON.equals(e.getContentType())
                                ? " A batch holds one JSON summary per line (application/x-ndjson); a single"
                                        + " summary as one JSON object goes to POST /api/v1/entry-summaries."
                                : ""));
    }

    /**
     * A representation the endpoint cannot write, with those it writes. The answer is written here as JSON, since the
     * framework would write it only in a type the request accepts, and so answer nothing.
     */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    void notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String accepted = request.getHeader(HttpHeaders.ACCEPT);
        String answers = e.getSupportedMediaTypes().stream()
                .map(MediaType::toString)
                .distinct()
                .collect(Collectors.joining(", "));
        String message = request.getMethod() + " " + Shown.path(request.getRequestURI()) + " cannot answer "
                + (accepted == null || accepted.isBlank() ? "the types the request accepts" : Shown.value(accepted))
                + (answers.isEmpty() ? "." : "; it answers " + answers + ".");
        response.setStatus(HttpStatus.NOT_ACCEPTABLE.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body("NOT_ACCEPTABLE", message));
    }

    static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String code, String message) {
        return answer(status, null, code, message);
    }

    /** An answer naming the field at fault, the JSON path of the request body; none when null or empty. */
    static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String field, String code, String message) {
        return ResponseEntity.status(status).body(body(field, code, message));
    }

    /** The error shape with one error of no one field. */
    static Map<String, Object> body(String code, String message) {
        return body(null, code, message);
    }

    private static Map<String, Object> body(String field, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        if (field != null && !field.isEmpty()) {
            error.put("field", field);
        }
        error.put("code", code);
        error.put("message", String.valueOf(message));
        return Map.of("errors", List.of(error));
    }
}
