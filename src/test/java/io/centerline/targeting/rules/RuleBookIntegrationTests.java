package io.centerline.targeting.rules;

import static io.centerline.targeting.rules.Lines.aluminiumFromChina;
import static io.centerline.targeting.rules.Lines.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.support.ApiTest;
import io.centerline.targeting.EntryUnderReview;
import io.centerline.targeting.Finding;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** The rule book scoring uses follows the stored rules: a new rule, a new version and a retirement take effect. */
class RuleBookIntegrationTests extends ApiTest {

    @Autowired
    RuleBook book;

    @Autowired
    Clock clock;

    private List<Finding> findingsOf(String code, EntryUnderReview entry) {
        return RuleFindings.of(book, clock, code, entry);
    }

    @Test
    void storedRulesTakeEffectInScoringAsTheyAreCreatedChangedAndRetired() {
        String code = "CN-ALU-BOOK-" + freshSerial();
        EntryUnderReview cheap =
                entry().on(LocalDate.of(2026, 6, 30)).with(aluminiumFromChina().unitValue(2));
        assertThat(findingsOf(code, cheap)).isEmpty();

        post(TARGETER, "/api/v1/targeting/rules", MediaType.APPLICATION_JSON, """
                {"code": "%s", "name": "Cheap Chinese aluminium", "center": "BM",
                 "expression": "line.countryOfOrigin == \\"CN\\" && line.unitValue < 2.5",
                 "reasonTemplate": "{line.hts} at {line.unitValue} per unit", "strength": 0.9,
                 "tradeReason": "The value of the aluminium goods is being compared with similar imports."}""".formatted(code));

        List<Finding> findings = findingsOf(code, cheap);
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).reason()).isEqualTo("7604101000 at 2 per unit");
        assertThat(findings.get(0).strength()).isEqualTo(0.9);
        assertThat(findingsOf(
                        code,
                        entry().center("ELEC")
                                .on(LocalDate.of(2026, 6, 30))
                                .with(aluminiumFromChina().unitValue(2))))
                .isEmpty();

        post(
                TARGETER,
                "/api/v1/targeting/rules/" + code + "/versions",
                MediaType.APPLICATION_JSON,
                "{\"expression\": \"line.countryOfOrigin == \\\"CN\\\" && line.unitValue < 1.5\"}");
        assertThat(findingsOf(code, cheap)).isEmpty();
        assertThat(findingsOf(
                        code,
                        entry().on(LocalDate.of(2026, 6, 30))
                                .with(aluminiumFromChina().unitValue(1))))
                .extracting(Finding::version)
                .containsExactly(2);

        assertThat(post(
                                TARGETER,
                                "/api/v1/targeting/rules/" + code + "/retire",
                                MediaType.APPLICATION_JSON,
                                "{\"reason\": \"Replaced by the national aluminium rule\"}")
                        .code())
                .isEqualTo(200);
        assertThat(findingsOf(
                        code,
                        entry().on(LocalDate.of(2026, 6, 30))
                                .with(aluminiumFromChina().unitValue(1))))
                .isEmpty();
        assertThat(book.statistics(RuleCode.of(code), 1).fired()).isEqualTo(1);
    }

    @Test
    void newVersionsOfOneRuleSentAtOnceAreEachStoredUnderTheirOwnNumber() throws Exception {
        String code = "CN-ALU-RACE-" + freshSerial();
        assertThat(post(TARGETER, "/api/v1/targeting/rules", MediaType.APPLICATION_JSON, """
                        {"code": "%s", "name": "Cheap Chinese aluminium", "center": "BM",
                         "expression": "line.countryOfOrigin == \\"CN\\" && line.unitValue < 2.5",
                         "reasonTemplate": "{line.hts} at {line.unitValue} per unit", "strength": 0.1,
                         "activeFrom": "2027-01-04",
                         "tradeReason": "The value of the aluminium goods is being compared with similar imports."}""".formatted(code))
                        .code())
                .isEqualTo(201);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> answers = IntStream.range(0, 6)
                    .mapToObj(i -> pool.submit(() -> post(
                                    TARGETER,
                                    "/api/v1/targeting/rules/" + code + "/versions",
                                    MediaType.APPLICATION_JSON,
                                    "{\"strength\": 0.2%d}".formatted(i))
                            .code()))
                    .toList();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(get(TARGETER, "/api/v1/targeting/rules/" + code).json().get("versions"))
                .hasSize(7);
    }
}
