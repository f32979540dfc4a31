package io.centerline.targeting.model;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored model versions (table {@code risk_model}). */
@Repository
class ModelVersions {

    private static final String COLUMNS =
            "version, trained_at, trained_by, status, card::text, activated_at, activated_by";

    private final JdbcClient jdbc;

    ModelVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new version under the next free number and returns that number. */
    int add(Instant trainedAt, String trainedBy, ModelCard card, byte[] model) {
        jdbc.sql("lock table risk_model in share row exclusive mode").update();
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from risk_model")
                .query(Integer.class)
                .single();
        jdbc.sql("insert into risk_model (version, trained_at, trained_by, status, card, model)"
                        + " values (?, ?, ?, ?, ?::jsonb, ?)")
                .params(version, Timestamp.from(trainedAt), trainedBy, ModelStatus.TRAINED.name(), card.toJson(), model)
                .update();
        return version;
    }

    List<ModelVersion> all() {
        return jdbc.sql("select " + COLUMNS + " from risk_model order by version desc")
                .query((rs, i) -> version(rs))
                .list();
    }

    Optional<ModelVersion> find(int version) {
        return jdbc.sql("select " + COLUMNS + " from risk_model where version = ?")
                .param(version)
                .query((rs, i) -> version(rs))
                .optional();
    }

    /** The version row locked for an update of its status, or empty. */
    Optional<ModelStatus> lockStatus(int version) {
        return jdbc.sql("select status from risk_model where version = ? for update")
                .param(version)
                .query((rs, i) -> ModelStatus.valueOf(rs.getString(1)))
                .optional();
    }

    Optional<Integer> activeVersion() {
        return jdbc.sql("select version from risk_model where status = 'ACTIVE'")
                .query(Integer.class)
                .optional();
    }

    /** The active version locked for an update of its status, or empty. */
    Optional<Integer> lockActive() {
        return jdbc.sql("select version from risk_model where status = 'ACTIVE' for update")
                .query(Integer.class)
                .optional();
    }

    void setStatus(int version, ModelStatus status) {
        jdbc.sql("update risk_model set status = ? where version = ?")
                .params(status.name(), version)
                .update();
    }

    void markActivated(int version, Instant at, String by) {
        jdbc.sql("update risk_model set status = 'ACTIVE', activated_at = ?, activated_by = ? where version = ?")
                .params(Timestamp.from(at), by, version)
                .update();
    }

    byte[] model(int version) {
        return jdbc.sql("select model from risk_model where version = ?")
                .param(version)
                .query((rs, i) -> rs.getBytes(1))
                .single();
    }

    private static ModelVersion version(ResultSet rs) throws SQLException {
        Timestamp activated = rs.getTimestamp(6);
        return new ModelVersion(
                rs.getInt(1),
                rs.getTimestamp(2).toInstant(),
                rs.getString(3),
                ModelStatus.valueOf(rs.getString(4)),
                activated == null ? null : activated.toInstant(),
                rs.getString(7),
                ModelCard.fromJson(rs.getString(5)));
    }
}
