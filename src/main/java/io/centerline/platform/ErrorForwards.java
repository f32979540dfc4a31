package io.centerline.platform;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers what the servlet container forwards to {@code /error} in the error shape of the whole API, where the
 * framework would answer in a shape of its own ({@code {"timestamp", "status", "error", "path"}}): a request a filter
 * or the container refused before any endpoint took it, and a failure no exception handler answered, which is logged
 * where it happened and answered without its details. A request for {@code /error} itself finds no endpoint there,
 * and the OpenAPI description leaves the path out.
 */
@Hidden
@RestController
class ErrorForwards implements ErrorController {

    private final JsonMapper json;

    ErrorForwards(JsonMapper json) {
        this.json = json;
    }

    @RequestMapping("${server.error.path:/error}")
    void forwarded(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object forwardedStatus = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object forwardedPath = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        boolean forwarded = forwardedStatus instanceof Integer && forwardedPath != null;
        int status = forwarded ? (Integer) forwardedStatus : HttpStatus.NOT_FOUND.value();
        String path = forwarded ? forwardedPath.toString() : request.getRequestURI();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(
                response.getOutputStream(),
                ApiErrors.body(codeOf(status), messageOf(status, request.getMethod(), path)));
    }

    /**
     * The code of a refusal that comes with no code of its own, by its status: the name of the status, as in {@code
     * BAD_REQUEST} and {@code NOT_FOUND}, but the codes the API gives these statuses elsewhere for 401 and 413.
     */
    static String codeOf(int status) {
        if (status == HttpStatus.UNAUTHORIZED.value()) {
            return "AUTHENTICATION_REQUIRED";
        }
        if (status == HttpStatus.CONTENT_TOO_LARGE.value()) {
            return "BODY_TOO_LARGE";
        }
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "HTTP_" + status : known.name();
    }

    /** What a refusal of that status says about a request, in plain words and without the service's insides. */
    static String messageOf(int status, String method, String path) {
        String request = method + " " + Shown.path(path);
        if (status == HttpStatus.BAD_REQUEST.value()) {
            return "The request " + request + " could not be read as a request of this API.";
        }
        if (status == HttpStatus.NOT_FOUND.value()) {
            return ApiErrors.noEndpoint(method, path);
        }
        if (status >= 500) {
            return "The service failed to answer " + request + "; the failure is logged.";
        }
        HttpStatus known = HttpStatus.resolve(status);
        return "The request " + request + " was refused"
                + (known == null ? "." : ": " + known.getReasonPhrase().toLowerCase(Locale.ROOT) + ".");
    }
}
