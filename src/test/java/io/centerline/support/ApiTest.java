package io.centerline.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.centerline.CleanDatabase;
import io.centerline.identity.Role;
import io.centerline.identity.Users;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The base of the HTTP integration tests: Centerline runs on a random port over a real PostgreSQL server (embedded,
 * or SPRING_DATASOURCE_URL), on the business date 2026-06-30, and tests talk to it over real HTTP as the users below.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({CleanDatabase.class, AcceptedEvents.class})
public abstract class ApiTest {

    public static final String FILER = "filer";
    public static final String OTHER_FILER = "otherfiler";
    public static final String SPECIALIST = "specialist";
    public static final String MANAGER = "manager";
    public static final String ADMIN = "admin";
    public static final String TARGETER = "targeter";
    private static final String PASSWORD = "password-for-tests";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime() % 1_000_000);

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @BeforeEach
    void users() {
        ensure(FILER, Role.FILER);
        ensure(OTHER_FILER, Role.FILER);
        ensure(SPECIALIST, Role.SPECIALIST);
        ensure(MANAGER, Role.ACCOUNT_MANAGER);
        ensure(ADMIN, Role.ADMIN);
        ensure(TARGETER, Role.TARGETER);
    }

    private void ensure(String username, Role role) {
        if (!users.exists(username)) {
            users.create(username, PASSWORD, EnumSet.of(role), "test");
        }
    }

    /** A fresh 7-digit serial, so tests never collide on entry numbers whatever ran before. */
    protected static String freshSerial() {
        return String.format("%07d", SERIALS.incrementAndGet() % 10_000_000);
    }

    /**
     * Ends the review of an entry that selection put under review when it was filed, recording that the review found
     * nothing, so that a test of something else can correct it: a post-summary correction of an entry under CBP review is
     * refused ({@code PSC_UNDER_REVIEW}), and whether a summary is selected depends on what other tests filed in its week.
     */
    protected void endReviewIfSelected(String entryNumber) {
        String number = entryNumber.replace("-", "");
        JsonNode risk =
                get(SPECIALIST, "/api/v1/entry-summaries/" + number).json().get("risk");
        if (risk != null && risk.path("selected").asBoolean(false)) {
            reviewFoundNothing(number);
        }
    }

    /**
     * Records that a review of an entry's first version found nothing: the entry is reviewed, and no later selection of
     * a correction puts it under review again.
     */
    protected void reviewFoundNothing(String entryNumber) {
        String number = entryNumber.replace("-", "");
        String body = "{\"entryNumber\": \"" + number
                + "\", \"version\": 1, \"outcome\": \"NO_CHANGE\", \"revenueDifference\": \"0.00\"}";
        Response ended = post(SPECIALIST, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, body);
        if (ended.code() != 201) {
            throw new IllegalStateException("Could not record the review of " + number + ": " + ended.body());
        }
    }

    protected Response post(String user, String path, MediaType type, String body) {
        return exchange(user, "POST", path, type, body);
    }

    protected Response get(String user, String path) {
        return exchange(user, "GET", path, null, null);
    }

    protected Response delete(String user, String path, String body) {
        return exchange(user, "DELETE", path, MediaType.APPLICATION_JSON, body);
    }

    /** A GET that asks for a representation of its own in the Accept header. */
    protected Response get(String user, String path, MediaType accept) {
        return exchange(user, "GET", path, null, null, accept);
    }

    protected Response exchange(String user, String method, String path, MediaType type, String body) {
        return exchange(user, method, path, type, body, MediaType.APPLICATION_JSON);
    }

    private Response exchange(String user, String method, String path, MediaType type, String body, MediaType accept) {
        RestClient client =
                RestClient.builder().baseUrl("http://localhost:" + port).build();
        var request = client.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path)
                .headers(headers -> {
                    if (user != null) {
                        headers.setBasicAuth(user, PASSWORD);
                    }
                    if (type != null) {
                        headers.setContentType(type);
                    }
                    headers.set(HttpHeaders.ACCEPT, accept.toString());
                });
        if (body != null) {
            request = request.body(body);
        }
        return request.exchange((req, res) -> {
            String text = new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return new Response(res.getStatusCode(), text, res.getHeaders());
        });
    }

    /** Posts a body as a stream of unknown length, which goes out in chunks, without a Content-Length. */
    protected Response postStreamed(String user, String path, MediaType type, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(HttpHeaders.CONTENT_TYPE, type.toString())
                .header(HttpHeaders.AUTHORIZATION, "Basic " + HttpHeaders.encodeBasicAuth(user, PASSWORD, UTF_8))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return send(request);
    }

    /**
     * A GET of a path sent exactly as written, its escapes ({@code %2F}, {@code %00}) and path parameters ({@code ;x=1})
     * included, which a client that builds its URL from a template would escape again.
     */
    protected Response getAsWritten(String user, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(HttpHeaders.AUTHORIZATION, "Basic " + HttpHeaders.encodeBasicAuth(user, PASSWORD, UTF_8))
                .GET()
                .build();
        return send(request);
    }

    private static Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> answer =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
        HttpHeaders headers = new HttpHeaders();
        answer.headers().map().forEach(headers::addAll);
        return new Response(HttpStatusCode.valueOf(answer.statusCode()), answer.body(), headers);
    }

    /** An HTTP answer: its status, its body (parsed when it is JSON) and its headers. */
    public record Response(HttpStatusCode status, String body, HttpHeaders headers) {

        public int code() {
            return status.value();
        }

        public JsonNode json() {
            return JSON.readTree(body.isEmpty() ? "null" : body);
        }
    }
}
