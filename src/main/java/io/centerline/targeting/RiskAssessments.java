package io.centerline.targeting;

import io.centerline.identity.AuditLog;
import io.centerline.platform.PostgresCopy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The stored risk assessments, one per entry summary version, with their findings. */
@Component
public class RiskAssessments {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final AuditLog audit;

    RiskAssessments(JdbcClient jdbc, DataSource dataSource, AuditLog audit) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.audit = audit;
    }

    /** The assessment of a version, if it has been scored. */
    public Optional<RiskAssessment> find(EntryKey key) {
        List<Finding> findings = jdbc.sql("select source, code, code_version, line_number, reason, trade_reason,"
                        + " strength from risk_finding where entry_number = ? and version = ?"
                        + " order by strength desc, code")
                .params(key.entryNumber(), key.version())
                .query((rs, i) -> new Finding(
                        Finding.Source.valueOf(rs.getString(1)),
                        rs.getString(2),
                        rs.getInt(3),
                        (Integer) rs.getObject(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getDouble(7)))
                .list();
        return jdbc.sql("select entry_number, version, center, importer_number, entry_date, trusted_partner, score,"
                        + " model_score, model_version, selection, reasons, trade_reasons, scored_at"
                        + " from risk_assessment where entry_number = ? and version = ?")
                .params(key.entryNumber(), key.version())
                .query((rs, i) -> new RiskAssessment(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class),
                        rs.getBoolean(6),
                        rs.getDouble(7),
                        (Double) rs.getObject(8),
                        (Integer) rs.getObject(9),
                        rs.getString(10),
                        JSON.readValue(rs.getString(11), STRINGS),
                        JSON.readValue(rs.getString(12), STRINGS),
                        findings,
                        rs.getTimestamp(13).toInstant()))
                .optional();
    }

    /** Which of the given versions have an assessment already. */
    Set<EntryKey> assessedAmong(Collection<EntryKey> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        Set<EntryKey> assessed = new HashSet<>();
        jdbc.sql("select a.entry_number, a.version from risk_assessment a"
                        + " join unnest(?::text[], ?::int[]) as k(n, v) on a.entry_number = k.n and a.version = k.v")
                .params(
                        keys.stream().map(EntryKey::entryNumber).toArray(String[]::new),
                        keys.stream().map(EntryKey::version).toArray(Integer[]::new))
                .query(rs -> {
                    assessed.add(new EntryKey(rs.getString(1), rs.getInt(2)));
                });
        return assessed;
    }

    /**
     * Takes back, in the caller's transaction, a stored selection for risk that gave way to a riskier summary: the
     * assessment is no longer selected and says why, and the change is audited. A selection that is no longer for risk
     * (taken back already) is left as it is.
     */
    void displace(Scoring.Displacement displacement) {
        EntryKey key = displacement.displaced();
        Optional<String> reasons = jdbc.sql("select reasons from risk_assessment"
                        + " where entry_number = ? and version = ? and selection = 'RISK' for update")
                .params(key.entryNumber(), key.version())
                .query(String.class)
                .optional();
        if (reasons.isEmpty()) {
            return;
        }
        int updated = jdbc.sql("update risk_assessment set selection = null, reasons = ?, trade_reasons = ?"
                        + " where entry_number = ? and version = ? and selection = 'RISK'")
                .params(
                        JSON.writeValueAsString(displacement.reasonsAfter(JSON.readValue(reasons.get(), STRINGS))),
                        JSON.writeValueAsString(List.of(Scoring.Displacement.TRADE_REASON)),
                        key.entryNumber(),
                        key.version())
                .update();
        if (updated == 1) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("version", key.version());
            detail.put("score", displacement.displacedScore());
            detail.put("by", displacement.by().entryNumber());
            detail.put("byVersion", displacement.by().version());
            detail.put("byScore", displacement.byScore());
            audit.record("system", "RISK_SELECTION_DISPLACED", "entry-summary", key.entryNumber(), detail);
        }
    }

    /** Stores assessments in the caller's transaction, in two COPY streams. */
    void store(List<RiskAssessment> assessments) {
        if (assessments.isEmpty()) {
            return;
        }
        PostgresCopy rows = new PostgresCopy(
                "risk_assessment",
                "entry_number",
                "version",
                "center",
                "importer_number",
                "entry_date",
                "trusted_partner",
                "score",
                "model_score",
                "model_version",
                "selection",
                "reasons",
                "trade_reasons",
                "scored_at");
        PostgresCopy findings = new PostgresCopy(
                "risk_finding",
                "entry_number",
                "version",
                "source",
                "code",
                "code_version",
                "line_number",
                "strength",
                "reason",
                "trade_reason");
        for (RiskAssessment a : assessments) {
            rows.row(
                    a.entryNumber(),
                    a.version(),
                    a.center(),
                    a.importerNumber(),
                    a.entryDate(),
                    a.trustedPartner(),
                    a.score(),
                    a.modelScore(),
                    a.modelVersion(),
                    a.selection(),
                    JSON.writeValueAsString(a.reasons()),
                    JSON.writeValueAsString(a.tradeReasons()),
                    a.scoredAt());
            for (Finding f : a.findings()) {
                findings.row(
                        a.entryNumber(),
                        a.version(),
                        f.source().name(),
                        f.code(),
                        f.version(),
                        f.lineNumber(),
                        f.strength(),
                        f.reason(),
                        f.tradeReason());
            }
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            rows.into(connection);
            findings.into(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store " + assessments.size() + " risk assessments", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
