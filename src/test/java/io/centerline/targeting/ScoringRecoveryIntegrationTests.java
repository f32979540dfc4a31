package io.centerline.targeting;

import static io.centerline.support.Summaries.entryNumber;
import static io.centerline.support.Summaries.importer;
import static io.centerline.support.Summaries.laptops;
import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.support.ApiTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

/** A chunk whose scoring did not complete is scored when its publication is resubmitted, while the service runs. */
class ScoringRecoveryIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncompleteEventPublications publications;

    @Test
    void aSummaryWhoseScoringWasLostIsScoredWhenItsPublicationIsResubmitted() {
        String number = entryNumber("REC");
        String plain = number.replace("-", "");
        assertThat(post(FILER, "/api/v1/entry-summaries", MediaType.APPLICATION_JSON, laptops(number, importer()))
                        .code())
                .isEqualTo(201);
        // as if scoring had failed after the intake commit an hour ago (by the business clock the registry keeps):
        // no assessment, the publication not completed
        jdbc.sql("delete from risk_finding where entry_number = ?").param(plain).update();
        jdbc.sql("delete from risk_assessment where entry_number = ?")
                .param(plain)
                .update();
        int reopened = jdbc.sql("update event_publication set completion_date = null, status = 'FAILED',"
                        + " publication_date = publication_date - interval '1 hour'"
                        + " where listener_id like '%IntakeScoring%' and serialized_event like ?")
                .param("%" + plain + "%")
                .update();
        String lost = risk(plain);

        publications.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(10));

        assertThat(reopened).isEqualTo(1);
        assertThat(lost).isEqualTo("PENDING");
        assertThat(risk(plain)).isEqualTo("SCORED");
        assertThat(jdbc.sql("select count(*) from event_publication where listener_id like '%IntakeScoring%'"
                                + " and serialized_event like ? and completion_date is null")
                        .param("%" + plain + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private String risk(String entryNumber) {
        return get(SPECIALIST, "/api/v1/entry-summaries/" + entryNumber)
                .json()
                .at("/risk/status")
                .asString();
    }
}
