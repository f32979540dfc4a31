package io.centerline.targeting;

import io.centerline.identity.AuditEntry;
import io.centerline.identity.AuditLog;
import io.centerline.platform.PostgresCopy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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
    private final Clock clock;

    RiskAssessments(JdbcClient jdbc, DataSource dataSource, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
    }

    /** Of these entry numbers, those a stored version of which holds a selection; a set the caller may add to. */
    Set<String> holdingSelection(Collection<String> entryNumbers) {
        if (entryNumbers.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(jdbc.sql("select distinct entry_number from risk_assessment"
                        + " where entry_number = any(?::text[]) and selection is not null")
                .param(entryNumbers.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    /** The assessment of the latest version of the entry before the one given that is selected for review, if any. */
    Optional<RiskAssessment> selectedBefore(EntryKey key) {
        return selectedUpTo(new EntryKey(key.entryNumber(), key.version() - 1));
    }

    /** The assessment of the latest version of the entry, up to the one given, that is selected for review, if any. */
    Optional<RiskAssessment> selectedUpTo(EntryKey key) {
        return jdbc.sql("select version from risk_assessment where entry_number = ? and version <= ?"
                        + " and selection is not null order by version desc limit 1")
                .params(key.entryNumber(), key.version())
                .query(Integer.class)
                .optional()
                .flatMap(version -> find(new EntryKey(key.entryNumber(), version)));
    }

    /** The assessment of a version, if it has been scored. */
    public Optional<RiskAssessment> find(EntryKey key) {
        List<Finding> findings = jdbc.sql("select source, code, code_version, line_number, reason, trade_reason,"
                        + " strength from risk_finding where entry_number = ? and version = ?"
                        + " order by position, strength desc, code")
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
                        + " model_score, model_version, selection, scored_at, ground, threshold, items_per_week,"
                        + " risk_items, control_items, displaced_by, displaced_by_version, displaced_by_score,"
                        + " reasons, trade_reasons from risk_assessment where entry_number = ? and version = ?")
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
                        rs.getString(12) == null
                                ? null
                                : new RiskAssessment.Grounds(
                                        SelectionGround.valueOf(rs.getString(12)),
                                        rs.getDouble(13),
                                        rs.getInt(14),
                                        rs.getInt(15),
                                        rs.getInt(16),
                                        rs.getString(17) == null ? null : new EntryKey(rs.getString(17), rs.getInt(18)),
                                        (Double) rs.getObject(19)),
                        findings,
                        rs.getTimestamp(11).toInstant(),
                        rs.getString(12) != null
                                ? null
                                : new RiskAssessment.Written(
                                        JSON.readValue(rs.getString(20), STRINGS),
                                        JSON.readValue(rs.getString(21), STRINGS))))
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
     * Takes back, in the caller's transaction, stored selections for risk that gave way to higher ranked summaries: each
     * assessment is no longer selected and names the summary that took its item, and each change is audited. A
     * selection that is no longer for risk (taken back already) is left as it is.
     */
    void displace(List<Scoring.Displacement> displacements) {
        if (displacements.isEmpty()) {
            return;
        }
        Map<EntryKey, Scoring.Displacement> byKey = new LinkedHashMap<>();
        displacements.forEach(d -> byKey.put(d.displaced(), d));
        List<Scoring.Displacement> all = List.copyOf(byKey.values());
        List<Taken> taken = jdbc.sql("update risk_assessment a set selection = null, displaced_by = d.by,"
                        + " displaced_by_version = d.by_version, displaced_by_score = d.by_score"
                        + " from unnest(?::text[], ?::int[], ?::text[], ?::int[], ?::float8[], ?::text[])"
                        + " as d(entry_number, version, by, by_version, by_score, selection)"
                        + " where a.entry_number = d.entry_number and a.version = d.version"
                        + " and a.selection = d.selection"
                        // a selection reviewed meanwhile keeps its item (see Selection#reviewed)
                        + " and not exists (select 1 from review_outcome o where o.entry_number = a.entry_number"
                        + " and o.version = a.version)"
                        + " returning a.entry_number, a.version, a.reasons, a.trusted_partner")
                .params(
                        all.stream().map(d -> d.displaced().entryNumber()).toArray(String[]::new),
                        all.stream().map(d -> d.displaced().version()).toArray(Integer[]::new),
                        all.stream().map(d -> d.by().entryNumber()).toArray(String[]::new),
                        all.stream().map(d -> d.by().version()).toArray(Integer[]::new),
                        all.stream().map(Scoring.Displacement::byScore).toArray(Double[]::new),
                        all.stream().map(d -> d.kind().name()).toArray(String[]::new))
                .query((rs, i) ->
                        new Taken(new EntryKey(rs.getString(1), rs.getInt(2)), rs.getString(3), rs.getBoolean(4)))
                .list();
        List<Scoring.Displacement> done = new ArrayList<>(taken.size());
        for (Taken one : taken) {
            Scoring.Displacement displacement = byKey.get(one.key());
            if (one.written() != null) {
                rewordWritten(one, displacement);
            }
            done.add(displacement);
        }
        audit(done);
    }

    /**
     * Audits selections that gave way to other summaries of their week: for risk to higher ranked ones
     * ({@code RISK_SELECTION_DISPLACED}), for the control sample to ones drawn lower ({@code CONTROL_SELECTION_DISPLACED});
     * those taken back once stored, and those of a round that gave way before they were stored.
     */
    void audit(List<Scoring.Displacement> displacements) {
        auditEach(displacements, "displaced selections", displacement -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("version", displacement.displaced().version());
            detail.put("score", displacement.displacedScore());
            detail.put("by", displacement.by().entryNumber());
            detail.put("byVersion", displacement.by().version());
            detail.put("byScore", displacement.byScore());
            return new Audited(
                    displacement.kind() + "_SELECTION_DISPLACED",
                    displacement.displaced().entryNumber(),
                    detail);
        });
    }

    /**
     * Moves stored control selections to risk: each gave its control item to a lower draw of its week and took a risk
     * item instead, on the ground given. A selection reviewed meanwhile keeps what it was.
     */
    void moveToRisk(List<Scoring.Move> moves) {
        if (moves.isEmpty()) {
            return;
        }
        jdbc.sql("update risk_assessment a set selection = 'RISK', ground = d.ground, threshold = d.threshold,"
                        + " items_per_week = d.items_per_week, risk_items = d.risk_items, control_items = d.control_items"
                        + " from unnest(?::text[], ?::int[], ?::text[], ?::float8[], ?::int[], ?::int[], ?::int[])"
                        + " as d(entry_number, version, ground, threshold, items_per_week, risk_items, control_items)"
                        + " where a.entry_number = d.entry_number and a.version = d.version and a.selection = 'CONTROL'"
                        + " and a.ground is not null"
                        + " and not exists (select 1 from review_outcome o where o.entry_number = a.entry_number"
                        + " and o.version = a.version)")
                .params(
                        moves.stream().map(m -> m.moving().entryNumber()).toArray(String[]::new),
                        moves.stream().map(m -> m.moving().version()).toArray(Integer[]::new),
                        moves.stream().map(m -> m.ground().name()).toArray(String[]::new),
                        moves.stream().map(Scoring.Move::threshold).toArray(Double[]::new),
                        moves.stream().map(m -> m.capacity().itemsPerWeek()).toArray(Integer[]::new),
                        moves.stream().map(m -> m.items().risk()).toArray(Integer[]::new),
                        moves.stream().map(m -> m.items().control()).toArray(Integer[]::new))
                .update();
    }

    /**
     * Restates stored summaries turned away while their week held more selections than its items, that competed once
     * the week no longer did and were turned away again: each takes the ground, threshold and capacity of that decision.
     * One selected since, or no longer turned away on that ground, stays as it is.
     */
    void decideAgain(List<Scoring.DecidedAgain> restated) {
        if (restated.isEmpty()) {
            return;
        }
        jdbc.sql("update risk_assessment a set ground = d.ground, threshold = d.threshold,"
                        + " items_per_week = d.items_per_week, risk_items = d.risk_items, control_items = d.control_items"
                        + " from unnest(?::text[], ?::int[], ?::text[], ?::float8[], ?::int[], ?::int[], ?::int[])"
                        + " as d(entry_number, version, ground, threshold, items_per_week, risk_items, control_items)"
                        + " where a.entry_number = d.entry_number and a.version = d.version and a.selection is null"
                        + " and a.ground = 'OVER_CAPACITY'")
                .params(
                        restated.stream().map(r -> r.key().entryNumber()).toArray(String[]::new),
                        restated.stream().map(r -> r.key().version()).toArray(Integer[]::new),
                        restated.stream().map(r -> r.ground().name()).toArray(String[]::new),
                        restated.stream().map(Scoring.DecidedAgain::threshold).toArray(Double[]::new),
                        restated.stream().map(r -> r.capacity().itemsPerWeek()).toArray(Integer[]::new),
                        restated.stream().map(r -> r.items().risk()).toArray(Integer[]::new),
                        restated.stream().map(r -> r.items().control()).toArray(Integer[]::new))
                .update();
    }

    /**
     * Audits summaries turned away while their week held more than its items that competed once it no longer did and
     * were turned away again ({@code OVER_CAPACITY_DECIDED_AGAIN}).
     */
    void auditDecidedAgain(List<Scoring.DecidedAgain> restated) {
        auditEach(restated, "summaries decided again", again -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("version", again.key().version());
            detail.put("ground", again.ground().name());
            detail.put("threshold", Double.isInfinite(again.threshold()) ? null : again.threshold());
            detail.put("itemsPerWeek", again.capacity().itemsPerWeek());
            detail.put("riskItems", again.items().risk());
            return new Audited("OVER_CAPACITY_DECIDED_AGAIN", again.key().entryNumber(), detail);
        });
    }

    /**
     * Selects for risk stored summaries their week had turned away, on the ground each was given (a risk item that fell
     * free to it, or one in place of a lower ranked selection), under the threshold and capacity of the decision that
     * gave it. One whose entry has been reviewed (by any version) or that a later version has followed meanwhile, or one
     * selected since, stays as it is.
     */
    void promote(List<Scoring.Promotion> promotions) {
        if (promotions.isEmpty()) {
            return;
        }
        jdbc.sql("update risk_assessment a set selection = 'RISK', ground = d.ground, threshold = d.threshold,"
                        + " items_per_week = d.items_per_week, risk_items = d.risk_items, control_items = d.control_items,"
                        + " displaced_by = null, displaced_by_version = null, displaced_by_score = null"
                        + " from unnest(?::text[], ?::int[], ?::text[], ?::float8[], ?::int[], ?::int[], ?::int[])"
                        + " as d(entry_number, version, ground, threshold, items_per_week, risk_items, control_items)"
                        + " where a.entry_number = d.entry_number and a.version = d.version and a.selection is null"
                        + " and a.ground is not null"
                        + " and not exists (select 1 from review_outcome o where o.entry_number = a.entry_number)"
                        + " and not exists (select 1 from risk_assessment b where b.entry_number = a.entry_number"
                        + " and b.version > a.version)")
                .params(
                        promotions.stream().map(p -> p.promoted().entryNumber()).toArray(String[]::new),
                        promotions.stream().map(p -> p.promoted().version()).toArray(Integer[]::new),
                        promotions.stream().map(p -> p.ground().name()).toArray(String[]::new),
                        promotions.stream().map(Scoring.Promotion::threshold).toArray(Double[]::new),
                        promotions.stream()
                                .map(p -> p.capacity().itemsPerWeek())
                                .toArray(Integer[]::new),
                        promotions.stream().map(p -> p.items().risk()).toArray(Integer[]::new),
                        promotions.stream().map(p -> p.items().control()).toArray(Integer[]::new))
                .update();
    }

    /** Audits summaries selected on a risk item that fell free to them ({@code RISK_SELECTION_ON_FREED_ITEM}). */
    void auditPromotions(List<Scoring.Promotion> promotions) {
        auditEach(promotions, "selections on freed items", promotion -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("version", promotion.promoted().version());
            detail.put("score", promotion.score());
            detail.put("threshold", Double.isInfinite(promotion.threshold()) ? null : promotion.threshold());
            detail.put("riskItems", promotion.items().risk());
            detail.put("ground", promotion.ground().name());
            if (promotion.inPlaceOf() != null) {
                detail.put("inPlaceOf", promotion.inPlaceOf().entryNumber());
                detail.put("inPlaceOfVersion", promotion.inPlaceOf().version());
            }
            if (promotion.by() != null) {
                detail.put("freedBy", promotion.by().entryNumber());
                detail.put("freedByVersion", promotion.by().version());
            }
            return new Audited(
                    "RISK_SELECTION_ON_FREED_ITEM", promotion.promoted().entryNumber(), detail);
        });
    }

    /** Audits control selections moved to risk ({@code CONTROL_SELECTION_MOVED_TO_RISK}). */
    void auditMoves(List<Scoring.Move> moves) {
        auditEach(moves, "control selections moved to risk", move -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("version", move.moving().version());
            detail.put("ground", move.ground().name());
            detail.put("controlItemTo", move.by().entryNumber());
            detail.put("controlItemToVersion", move.by().version());
            return new Audited("CONTROL_SELECTION_MOVED_TO_RISK", move.moving().entryNumber(), detail);
        });
    }

    /** What the system did to one entry summary's assessment: the audit action and its detail. */
    private record Audited(String action, String entryNumber, Map<String, Object> detail) {}

    /** Audits each of the changes, as the system's, in one statement. */
    private <T> void auditEach(List<T> changes, String what, Function<T, Audited> audited) {
        if (changes.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<AuditEntry> entries = new ArrayList<>(changes.size());
        for (T change : changes) {
            Audited one = audited.apply(change);
            entries.add(new AuditEntry(now, "system", one.action(), "entry-summary", one.entryNumber(), one.detail()));
        }
        withConnection(connection -> audit.recordAll(connection, entries), "audit " + entries.size() + " " + what);
    }

    /** A selection taken back, with its reasons as written if it was scored before assessments kept their grounds. */
    private record Taken(EntryKey key, String written, boolean trustedPartner) {}

    /**
     * Rewrites the reasons of an assessment scored before assessments kept their grounds, when its selection gives way:
     * its first reason says which summary took the item, and the importer is told that no review is planned.
     */
    private void rewordWritten(Taken taken, Scoring.Displacement displacement) {
        EntryKey key = taken.key();
        List<String> reasons = new ArrayList<>(JSON.readValue(taken.written(), STRINGS));
        String displaced = displacement.kind() == Selection.Kind.CONTROL
                ? AssessmentWords.controlDisplacedReason(displacement.by())
                : AssessmentWords.displacedReason(
                        displacement.displacedScore(),
                        taken.trustedPartner(),
                        displacement.by(),
                        displacement.byScore());
        if (reasons.isEmpty()) {
            reasons.add(displaced);
        } else {
            reasons.set(0, displaced);
        }
        jdbc.sql("update risk_assessment set reasons = ?, trade_reasons = ? where entry_number = ? and version = ?")
                .params(
                        JSON.writeValueAsString(reasons),
                        JSON.writeValueAsString(List.of(AssessmentWords.NOTHING_PLANNED)),
                        key.entryNumber(),
                        key.version())
                .update();
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
                "scored_at",
                "ground",
                "threshold",
                "items_per_week",
                "risk_items",
                "control_items",
                "displaced_by",
                "displaced_by_version",
                "displaced_by_score");
        PostgresCopy findings = new PostgresCopy(
                "risk_finding",
                "entry_number",
                "version",
                "position",
                "source",
                "code",
                "code_version",
                "line_number",
                "strength",
                "reason",
                "trade_reason");
        for (RiskAssessment a : assessments) {
            RiskAssessment.Grounds g = a.grounds();
            EntryKey by = g.displacedBy();
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
                    a.scoredAt(),
                    g.ground().name(),
                    g.threshold(),
                    g.itemsPerWeek(),
                    g.riskItems(),
                    g.controlItems(),
                    by == null ? null : by.entryNumber(),
                    by == null ? null : by.version(),
                    g.displacedByScore());
            int position = 0;
            for (Finding f : a.findings()) {
                findings.row(
                        a.entryNumber(),
                        a.version(),
                        position++,
                        f.source().name(),
                        f.code(),
                        f.version(),
                        f.lineNumber(),
                        f.strength(),
                        f.reason(),
                        f.tradeReason());
            }
        }
        withConnection(
                connection -> {
                    rows.into(connection);
                    findings.into(connection);
                },
                "store " + assessments.size() + " risk assessments");
    }

    /** Work on the caller's transactional connection. */
    private interface ConnectionWork {
        void on(Connection connection) throws SQLException;
    }

    private void withConnection(ConnectionWork work, String what) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            work.on(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not " + what, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
