package io.centerline.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.centerline.support.ApiTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

class AuditTrailIntegrationTests extends ApiTest {

    @Autowired
    AuditLog audit;

    @Autowired
    List<SubjectTrail> trails;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aSubjectTypeTheLogKeepsNoRowsOfIsRefusedNamingTheTypesItKeeps() {
        Response answer = get(SPECIALIST, "/api/v1/audit/foo/bar");

        assertThat(answer.code()).isEqualTo(400);
        assertThat(answer.json().at("/errors/0/code").asString()).isEqualTo("AUDIT_SUBJECT_UNKNOWN");
        assertThat(answer.json().at("/errors/0/message").asString())
                .isEqualTo("There is no audit trail of a 'foo': the subject types are account, center, demo, detector,"
                        + " entry-summary, forced-labour-list, hts-center-map, intake-batch, risk-model, targeting-rule,"
                        + " user.");
    }

    @Test
    void anUnknownSubjectTypeOfAnyLengthIsEchoedInAtMostFortyCharacters() {
        Response answer = get(SPECIALIST, "/api/v1/audit/" + "t".repeat(3_000) + "/x");

        assertThat(answer.code()).isEqualTo(400);
        assertThat(answer.json().at("/errors/0/code").asString()).isEqualTo("AUDIT_SUBJECT_UNKNOWN");
        assertThat(answer.json().at("/errors/0/message").asString())
                .startsWith("There is no audit trail of a '" + "t".repeat(40) + "\u2026': the subject types are ")
                .doesNotContain("t".repeat(41));
    }

    @Test
    void aKnownSubjectTypeWithNothingRecordedUnderTheIdHasAnEmptyTrail() {
        Response answer = get(SPECIALIST, "/api/v1/audit/hts-center-map/no-such-version");

        assertThat(answer.code()).isEqualTo(200);
        assertThat(answer.json()).isEmpty();
    }

    @Test
    void aRowOfASubjectTypeTheLogDoesNotKeepIsRefusedWhenWritten() {
        assertThatThrownBy(() -> audit.record("system", "SOMETHING_DONE", "foo", "bar", Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'foo'");
    }

    @Test
    void everyTypeWhoseTrailAModuleGathersIsATypeTheLogKeeps() {
        assertThat(trails).isNotEmpty();
        assertThat(trails)
                .allSatisfy(trail -> assertThat(AuditLog.SUBJECT_TYPES).contains(trail.subjectType()));
    }

    @Test
    void rowsOfOneSubjectThatShareATimestampAreReadInTheOrderTheyWereWritten() {
        String map = "order-" + freshSerial();
        Instant now = Instant.parse("2026-06-30T12:00:00Z");
        List<AuditEntry> rows = new ArrayList<>();
        for (int position : new int[] {3, 2, 4, 5, 1}) {
            rows.add(new AuditEntry(now, ADMIN, "STEP_" + position, "hts-center-map", map, Map.of("step", position)));
        }
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                audit.recordAll(connection, rows);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        });

        JsonNode trail = get(SPECIALIST, "/api/v1/audit/hts-center-map/" + map).json();

        List<String> actions = new ArrayList<>();
        trail.forEach(row -> actions.add(row.get("action").asString()));
        assertThat(actions).containsExactly("STEP_3", "STEP_2", "STEP_4", "STEP_5", "STEP_1");
    }
}
