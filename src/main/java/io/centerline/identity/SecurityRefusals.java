package io.centerline.identity;

import io.centerline.platform.Shown;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the requests the security rules refuse in the error shape of the whole API, where Spring Security would
 * answer with an empty body or the framework's own error page. A request without a user, or with a user name and
 * password that are not a Centerline user's, is answered 401 {@code AUTHENTICATION_REQUIRED} with the HTTP Basic
 * challenge. A user whose roles may not make the request is answered 403 {@code FORBIDDEN}, whether a URL rule of
 * {@link SecurityConfiguration} or a method's {@code @PreAuthorize} refuses it: the refusal of a method leaves the
 * controller unanswered by the API's exception handlers and reaches this handler as well. A request whose URL the
 * firewall refuses is answered 400 {@code BAD_REQUEST}.
 */
final class SecurityRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;

    SecurityRefusals(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Centerline\", charset=\"UTF-8\"");
        String why = refused instanceof InsufficientAuthenticationException
                ? "this request needs the user name and password of a Centerline user."
                : "the user name and password given are not those of a Centerline user.";
        write(response, HttpStatus.UNAUTHORIZED, "AUTHENTICATION_REQUIRED", "Sign in with HTTP Basic: " + why);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException {
        String what = request.getMethod() + " " + Shown.path(request.getRequestURI());
        write(
                response,
                HttpStatus.FORBIDDEN,
                "FORBIDDEN",
                refusal(SecurityContextHolder.getContext().getAuthentication(), what));
    }

    /**
     * Answers a request the firewall refused for its URL (a {@code ;}, an encoded {@code .} or {@code /}, {@code //}, a
     * line break) 400 {@code BAD_REQUEST}, naming what the URL holds; the firewall would only set the status, and the
     * framework answer it in a shape of its own.
     */
    void rejected(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        Matcher held = HELD.matcher(String.valueOf(rejected.getMessage()));
        write(
                response,
                HttpStatus.BAD_REQUEST,
                "BAD_REQUEST",
                held.find()
                        ? "The URL of this request holds \"" + held.group(1) + "\", which no path of the API takes."
                        : rejected.getMessage());
    }

    /** What the firewall says a URL it refused holds. */
    private static final Pattern HELD = Pattern.compile("potentially malicious String \"(.{1,20})\"$");

    /** Who is signed in, with the roles the user holds, and what those roles may not do. */
    static String refusal(Authentication user, String what) {
        if (user == null) {
            return "You may not " + what + ".";
        }
        List<String> roles = user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .sorted()
                .toList();
        String holder = switch (roles.size()) {
            case 0 -> "you hold no role, and without one you";
            case 1 -> "your role (" + roles.get(0) + ")";
            default -> "your roles (" + String.join(", ", roles) + ")";
        };
        return "You are signed in as " + user.getName() + ", and " + holder + " may not " + what + ".";
    }

    private void write(HttpServletResponse response, HttpStatus status, String code, String message)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(
                response.getOutputStream(), Map.of("errors", List.of(Map.of("code", code, "message", message))));
    }
}
