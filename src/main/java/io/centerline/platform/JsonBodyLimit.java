package io.centerline.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds every JSON request body within a limit, 4 MiB by default ({@code centerline.http.max-json-body}). A JSON body
 * is read whole before it is answered, so without a limit one request could exhaust the memory of the service. A body
 * that says it is larger is answered 413 {@code BODY_TOO_LARGE} unread; a body sent without its length (chunked) is
 * cut off where it passes the limit, and its reading fails with {@link TooLarge}, which {@link ApiErrors} answers 413
 * {@code BODY_TOO_LARGE} as well. The batch forms (NDJSON, CSV, AE) are streamed and
 * bounded record by record, so they pass.
 */
@Component
class JsonBodyLimit extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final long limit;

    JsonBodyLimit(@Value("${centerline.http.max-json-body:4194304}") long limit) {
        this.limit = limit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return true;
        }
        try {
            MediaType media = MediaType.parseMediaType(type);
            return !(MediaType.APPLICATION_JSON.includes(media)
                    || media.getSubtype().endsWith("+json"));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            JSON.writeValue(
                    response.getOutputStream(),
                    Map.of("errors", List.of(Map.of("code", "BODY_TOO_LARGE", "message", message()))));
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request) : request, response);
    }

    private String message() {
        return String.format(Locale.ROOT, "A JSON request body may take at most %,d bytes.", limit);
    }

    /** The failure of reading a body sent without its length past the limit: answered 413 as one that says it is larger. */
    static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    /** A request whose body fails to read past the limit. */
    private final class Limited extends HttpServletRequestWrapper {

        private ServletInputStream in;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (in == null) {
                in = new Counted(super.getInputStream());
            }
            return in;
        }
    }

    private final class Counted extends ServletInputStream {

        private final ServletInputStream in;
        private long read;

        Counted(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new TooLarge(message());
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
