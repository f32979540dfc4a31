package io.centerline.platform;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes Tomcat answer the requests it refuses itself in the error shape of the whole API, where it would answer with an
 * HTML page: a URL holding an encoded slash ({@code %2F}), backslash ({@code %5C}) or NUL ({@code %00}) is refused
 * before any filter or endpoint sees it, and so before {@link ErrorForwards} could answer it. Tomcat's error report
 * valve on the host is replaced by {@link Report}; Spring Boot adds the plain one when it customises the server, so this
 * customiser runs after Spring Boot's.
 */
@Component
class TomcatErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final JsonMapper json;

    TomcatErrorReports(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            Pipeline pipeline = host.getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new Report(json));
            if (host instanceof StandardHost standard) {
                // the host adds a valve of this class when it starts without one
                standard.setErrorReportValveClass(Report.class.getName());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Tomcat's error report, written in the error shape with a code and a plain message for the status. */
    static final class Report extends ErrorReportValve {

        private final JsonMapper json;

        Report(JsonMapper json) {
            this.json = json;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean writable = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
            if (!writable.get()) {
                return;
            }
            String message = status == HttpStatus.BAD_REQUEST.value()
                    ? unreadableUrl(request.getRequestURI())
                    : ErrorForwards.messageOf(status, request.getMethod(), request.getRequestURI());
            try {
                // as every answer of the API: JSON in UTF-8, the charset it is read in without being named
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                json.writeValue(response.getOutputStream(), ApiErrors.body(ErrorForwards.codeOf(status), message));
                response.finishResponse();
            } catch (IOException | IllegalStateException | JacksonException e) {
                // the client has gone, or the answer has begun: nothing more can be said
            }
        }

        /** Why Tomcat could not take a URL, named by what it holds when that is one of the usual causes. */
        static String unreadableUrl(String url) {
            String written = url == null ? "" : url.toUpperCase(Locale.ROOT);
            String held = written.contains("%2F")
                    ? "an encoded slash (%2F)"
                    : written.contains("%5C") || written.contains("\\")
                            ? "a backslash (%5C)"
                            : written.contains("%00") ? "an encoded NUL character (%00)" : null;
            return held == null
                    ? "The request could not be read: its URL is not one the service can take."
                    : "The URL of this request holds " + held + ", which no path of the API takes.";
        }
    }
}
