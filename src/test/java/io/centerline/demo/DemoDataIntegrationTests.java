package io.centerline.demo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.demo.generator.EntrySummaryGenerator;
import io.centerline.demo.generator.GeneratedEntry;
import io.centerline.demo.generator.GeneratorSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo data set as a newcomer gets it: the packaged jar started with no arguments on an embedded server of its own
 * (whatever database the tests around it use), a smaller demo than the default for time's sake, and a fixed business
 * date so that the test knows which summaries it filed. It runs in a process of its own because the demo loads into
 * the service's own database on its first start.
 */
class DemoDataIntegrationTests {

    private static final Path JAR = Path.of("target", "centerline.jar");
    private static final int ENTRIES = 6_000;
    private static final long SEED = 2026;
    private static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 11, 27);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path work;

    private static Process service;
    private static int port;

    @BeforeAll
    static void startTheServiceWithTheDemo() throws Exception {
        assertThat(JAR).as("the packaged jar (./mvnw package)").exists();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = work.resolve("service.log");
        service = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        // system properties outrank the environment, which on CI points at a shared server
                        "-Dspring.datasource.url=",
                        "-Dcenterline.data-dir=" + work.resolve("data"),
                        "-Dserver.port=" + port,
                        "-Dcenterline.demo.entries=" + ENTRIES,
                        "-Dcenterline.business-date=" + BUSINESS_DATE,
                        "-jar",
                        JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (!Files.readString(log, UTF_8).contains("Demo data loaded")) {
            assertThat(service.isAlive())
                    .as("the service is running:%n%s", tail(log))
                    .isTrue();
            assertThat(System.nanoTime())
                    .as("the demo loads within four minutes")
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void stopTheService() throws InterruptedException {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(1, TimeUnit.MINUTES)) {
                service.destroyForcibly();
            }
        }
    }

    @Test
    void theDemoStartsWithAnActiveModelTrainedOnTheReviewsOfItsEarlierMonths() throws Exception {
        JsonNode models = get("/api/v1/targeting/models");

        assertThat(models).hasSize(1);
        assertThat(models.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(models.get(0).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(LocalDate.parse(models.get(0).at("/card/trainedTo").asString()))
                .isBefore(BUSINESS_DATE.minusMonths(DemoData.MODEL_MONTHS));
    }

    @Test
    void theReviewCapacityIsInProportionToTheDemosVolumeFromItsFirstWeek() throws Exception {
        JsonNode capacity = get("/api/v1/targeting/capacity/ELEC");

        assertThat(capacity.toString()).contains("\"itemsPerWeek\":" + DemoData.MINIMUM_CAPACITY);
    }

    @Test
    void theLastMonthsAreScoredByTheModelAndOnlyPartOfTheDemoIsSelected() throws Exception {
        List<GeneratedEntry> sample = new ArrayList<>();
        int index = 0;
        for (GeneratedEntry entry : new EntrySummaryGenerator(GeneratorSettings.of(ENTRIES, SEED, BUSINESS_DATE))) {
            if (index++ % 30 == 0) {
                sample.add(entry);
            }
        }
        LocalDate modelFrom = BUSINESS_DATE.minusMonths(DemoData.MODEL_MONTHS);
        int selected = 0;
        for (GeneratedEntry entry : sample) {
            JsonNode summary = get("/api/v1/entry-summaries/" + entry.summary().entryNumber());
            JsonNode risk = summary.get("risk");
            boolean late = !LocalDate.parse(entry.summary().entryDate()).isBefore(modelFrom);
            assertThat(risk.get("modelVersion").isNull())
                    .as(
                            "%s entered %s",
                            entry.summary().entryNumber(), entry.summary().entryDate())
                    .isEqualTo(!late);
            assertThat(risk.get("reasons")).isNotEmpty();
            if (risk.get("selected").asBoolean()) {
                selected++;
            }
        }
        assertThat(selected).as("selected of %d sampled", sample.size()).isPositive();
        assertThat(selected).as("selected of %d sampled", sample.size()).isLessThan(sample.size() * 35 / 100);
    }

    private static JsonNode get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString("admin:admin-demo".getBytes(UTF_8)))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
