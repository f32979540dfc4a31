package io.centerline.targeting.detectors;

import io.centerline.identity.AuditLog;
import io.centerline.platform.RefusedInput;
import io.centerline.reference.ReferenceData;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The detectors as targeters manage them: which are switched on and with which thresholds, kept in the database and
 * applied to the detector beans at start and on every change; and the versions of the forced-labour entity list, of
 * which the bundled synthetic list is the first. Every change is audited.
 */
@Service
public class DetectorCatalogue {

    /** Where the bundled synthetic entity list lives, and the date it is taken to be in force from. */
    static final String BUNDLED_LIST = "reference/uflpa-entities-synthetic.csv";

    static final LocalDate BUNDLED_LIST_DATE = LocalDate.of(2022, 6, 21);

    private static final Logger log = LoggerFactory.getLogger(DetectorCatalogue.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A detector as the catalogue shows it. */
    public record DetectorView(
            String code, String name, String description, boolean enabled, List<ThresholdView> thresholds) {}

    /** One threshold of a detector: its value now, its default, its bounds, and whether it takes whole numbers only. */
    public record ThresholdView(
            String name,
            String description,
            double value,
            double defaultValue,
            double min,
            double max,
            boolean whole) {}

    /** A version of the forced-labour entity list without its entities. */
    public record ListVersion(
            int version, LocalDate effectiveFrom, Instant loadedAt, String loadedBy, String note, int entities) {}

    private final Map<String, TunableDetector> detectors = new LinkedHashMap<>();
    private final ForcedLabourDetector forcedLabour;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final ReferenceData reference;
    private final Clock clock;
    private volatile List<ForcedLabourList> lists = List.of();

    DetectorCatalogue(
            List<TunableDetector> detectors,
            ForcedLabourDetector forcedLabour,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            AuditLog audit,
            ReferenceData reference,
            Clock clock) {
        for (TunableDetector detector : detectors) {
            if (this.detectors.put(detector.code(), detector) != null) {
                throw new IllegalStateException("Two detectors have the code " + detector.code());
            }
        }
        this.forcedLabour = forcedLabour;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.reference = reference;
        this.clock = clock;
        applyStoredSettings();
        seedBundledList();
        reloadLists();
    }

    public List<DetectorView> detectors() {
        return detectors.values().stream().map(DetectorCatalogue::view).toList();
    }

    public Optional<DetectorView> detector(String code) {
        return Optional.ofNullable(detectors.get(code)).map(DetectorCatalogue::view);
    }

    /**
     * Switches a detector on or off and sets some of its thresholds (either may be {@code null} for no change),
     * stores the result and audits it. Refused whole when a threshold is unknown, out of bounds or without a value
     * ({@link RefusedInput} naming the field {@code thresholds.<name>}).
     */
    public Optional<DetectorView> change(String code, Boolean enabled, Map<String, Double> thresholds, String by) {
        TunableDetector detector = detectors.get(code);
        if (detector == null) {
            return Optional.empty();
        }
        synchronized (detector) {
            Map<String, Double> before = detector.thresholdValues();
            Map<String, Double> after = detector.checked(thresholds == null ? Map.of() : thresholds);
            boolean on = enabled == null ? detector.isOn() : enabled;
            transactions.executeWithoutResult(status -> {
                jdbc.sql("insert into detector_setting (code, enabled, thresholds, set_by, set_at)"
                                + " values (?, ?, ?::jsonb, ?, ?) on conflict (code) do update set"
                                + " enabled = excluded.enabled, thresholds = excluded.thresholds,"
                                + " set_by = excluded.set_by, set_at = excluded.set_at")
                        .params(code, on, JSON.writeValueAsString(after), by, Timestamp.from(clock.instant()))
                        .update();
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("enabledBefore", detector.isOn());
                detail.put("enabled", on);
                detail.put("thresholdsBefore", before);
                detail.put("thresholds", after);
                audit.record(by, "DETECTOR_CHANGED", "detector", code, detail);
            });
            detector.tune(after);
            detector.switchOn(on);
        }
        return detector(code);
    }

    /** The version of the entity list in force on a date, with its entities. */
    public Optional<ForcedLabourList> listInForce(LocalDate date) {
        ForcedLabourList found = null;
        for (ForcedLabourList list : lists) {
            if (!list.effectiveFrom().isAfter(date)) {
                found = list;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Every version of the entity list, oldest first. */
    public List<ListVersion> listVersions() {
        return lists.stream()
                .map(l -> new ListVersion(
                        l.version(),
                        l.effectiveFrom(),
                        l.loadedAt(),
                        l.loadedBy(),
                        l.note(),
                        l.entities().size()))
                .toList();
    }

    /**
     * Loads a new version of the forced-labour entity list, replacing the whole list from its effective date, which may
     * not lie before the business date: every version in force is dated on or before it, and a version loaded for a
     * later date waits for that date and holds back no earlier load. Nothing is stored when anything is wrong with the
     * load: every problem is answered at once ({@link EntityListDraft#problems}).
     */
    public EntityListLoad replaceList(EntityListDraft draft, String by) {
        List<EntityListProblem> problems = draft.problems(reference::isCountry, LocalDate.now(clock));
        if (!problems.isEmpty()) {
            return new EntityListLoad.Refused(problems);
        }
        LocalDate effectiveFrom = draft.effectiveFrom();
        List<ForcedLabourEntity> entities = draft.checkedEntities();
        int version = transactions.execute(status -> {
            int created = insertList(effectiveFrom, draft.note(), entities, by);
            audit.record(
                    by,
                    "FORCED_LABOUR_LIST_LOADED",
                    "forced-labour-list",
                    String.valueOf(created),
                    Map.of(
                            "effectiveFrom",
                            effectiveFrom.toString(),
                            "entities",
                            entities.size(),
                            "note",
                            String.valueOf(draft.note())));
            return created;
        });
        reloadLists();
        return new EntityListLoad.Loaded(
                lists.stream().filter(l -> l.version() == version).findFirst().orElseThrow());
    }

    private int insertList(LocalDate effectiveFrom, String note, List<ForcedLabourEntity> entities, String by) {
        int version = jdbc.sql("insert into forced_labour_list (effective_from, loaded_at, loaded_by, note)"
                        + " values (?, ?, ?, ?) returning version")
                .params(effectiveFrom, Timestamp.from(clock.instant()), by, note)
                .query(Integer.class)
                .single();
        int position = 0;
        for (ForcedLabourEntity entity : entities) {
            jdbc.sql("insert into forced_labour_entity (list_version, position, name, country, sector, note)"
                            + " values (?, ?, ?, ?, ?, ?)")
                    .params(version, ++position, entity.name(), entity.country(), entity.sector(), entity.note())
                    .update();
        }
        return version;
    }

    private void applyStoredSettings() {
        jdbc.sql("select code, enabled, thresholds from detector_setting")
                .query((rs, i) -> {
                    TunableDetector detector = detectors.get(rs.getString(1));
                    if (detector == null) {
                        log.warn("Stored settings of an unknown detector {} are ignored", rs.getString(1));
                        return null;
                    }
                    detector.switchOn(rs.getBoolean(2));
                    Map<String, Double> stored =
                            JSON.readValue(rs.getString(3), new TypeReference<Map<String, Double>>() {});
                    for (Map.Entry<String, Double> threshold : stored.entrySet()) {
                        try {
                            detector.tune(Map.of(threshold.getKey(), threshold.getValue()));
                        } catch (IllegalArgumentException e) {
                            log.warn(
                                    "A stored threshold of detector {} is ignored: {}",
                                    detector.code(),
                                    e.getMessage());
                        }
                    }
                    return null;
                })
                .list();
    }

    /** Loads the bundled synthetic list as the first version when there is no version yet. */
    private void seedBundledList() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("lock table forced_labour_list in exclusive mode").update();
            boolean loaded = jdbc.sql("select exists (select 1 from forced_labour_list)")
                    .query(Boolean.class)
                    .single();
            if (loaded) {
                return;
            }
            List<ForcedLabourEntity> entities;
            try (InputStream in = new ClassPathResource(BUNDLED_LIST).getInputStream()) {
                entities = EntityListCsv.read(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + BUNDLED_LIST, e);
            }
            int version = insertList(BUNDLED_LIST_DATE, "bundled synthetic list " + BUNDLED_LIST, entities, "system");
            audit.record(
                    "system",
                    "FORCED_LABOUR_LIST_LOADED",
                    "forced-labour-list",
                    String.valueOf(version),
                    Map.of(
                            "effectiveFrom",
                            BUNDLED_LIST_DATE.toString(),
                            "entities",
                            entities.size(),
                            "note",
                            "bundled"));
        });
    }

    private void reloadLists() {
        Map<Integer, List<ForcedLabourEntity>> entities = new LinkedHashMap<>();
        jdbc.sql("select list_version, name, country, sector, note from forced_labour_entity"
                        + " order by list_version, position")
                .query((rs, i) -> entities.computeIfAbsent(rs.getInt(1), v -> new ArrayList<>())
                        .add(new ForcedLabourEntity(
                                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))))
                .list();
        List<ForcedLabourList> loaded = jdbc.sql("select version, effective_from, loaded_at, loaded_by, note"
                        + " from forced_labour_list order by effective_from, version")
                .query((rs, i) -> new ForcedLabourList(
                        rs.getInt(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4),
                        rs.getString(5),
                        entities.getOrDefault(rs.getInt(1), List.of())))
                .list();
        lists = List.copyOf(loaded);
        forcedLabour.useLists(loaded);
    }

    private static DetectorView view(TunableDetector detector) {
        Map<String, Double> values = detector.thresholdValues();
        List<ThresholdView> thresholds = new ArrayList<>();
        for (Threshold threshold : detector.thresholds()) {
            thresholds.add(new ThresholdView(
                    threshold.name(),
                    threshold.description(),
                    values.get(threshold.name()),
                    threshold.defaultValue(),
                    threshold.min(),
                    threshold.max(),
                    threshold.whole()));
        }
        return new DetectorView(
                detector.code(), detector.name(), detector.description(), detector.isOn(), List.copyOf(thresholds));
    }
}
