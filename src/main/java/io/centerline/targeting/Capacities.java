package io.centerline.targeting;

import io.centerline.identity.AuditLog;
import io.centerline.platform.Invalid;
import io.centerline.platform.Shown;
import io.centerline.reference.Center;
import io.centerline.reference.CenterCode;
import io.centerline.reference.ReferenceData;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each Center's review capacity per queue, effective-dated: a new setting takes effect from its date and the earlier
 * ones stay as history. A Center with no setting of its own has the configured default.
 */
@Service
public class Capacities {

    /** The longest name of a review queue. */
    static final int MAX_QUEUE_NAME = 60;

    /** The queue selected entry summaries go to until review queues of their own exist. */
    public static final String REVIEW_QUEUE = "entry-summary-review";

    /** Lower-case letters and digits in words joined by single hyphens. */
    private static final Pattern QUEUE_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final JdbcClient jdbc;
    private final ReferenceData reference;
    private final AuditLog audit;
    private final Clock clock;
    private final int defaultItemsPerWeek;
    private final double defaultControlShare;
    private final double defaultTrustedPartnerFactor;
    private final Map<String, List<Capacity>> byCenter = new ConcurrentHashMap<>();

    Capacities(
            JdbcClient jdbc,
            ReferenceData reference,
            AuditLog audit,
            Clock clock,
            @Value("${centerline.targeting.capacity.items-per-week:40}") int defaultItemsPerWeek,
            @Value("${centerline.targeting.capacity.control-share:0.05}") double defaultControlShare,
            @Value("${centerline.targeting.capacity.trusted-partner-factor:0.5}") double defaultTrustedPartnerFactor) {
        this.jdbc = jdbc;
        this.reference = reference;
        this.audit = audit;
        this.clock = clock;
        this.defaultItemsPerWeek = defaultItemsPerWeek;
        this.defaultControlShare = defaultControlShare;
        this.defaultTrustedPartnerFactor = defaultTrustedPartnerFactor;
    }

    /**
     * The Center's capacity on a date, all its queues taken together: their items added up, the control share and
     * trusted-partner factor weighted by items.
     */
    public Capacity on(String center, LocalDate date) {
        List<Capacity> queues = current(center, date);
        if (queues.isEmpty()) {
            return new Capacity(
                    center,
                    REVIEW_QUEUE,
                    defaultItemsPerWeek,
                    defaultControlShare,
                    defaultTrustedPartnerFactor,
                    null,
                    "default");
        }
        if (queues.size() == 1) {
            return queues.get(0);
        }
        int items = queues.stream().mapToInt(Capacity::itemsPerWeek).sum();
        double control = items == 0 ? defaultControlShare : weightedByItems(queues, Capacity::controlShare, items);
        double factor = items == 0
                ? defaultTrustedPartnerFactor
                : weightedByItems(queues, Capacity::trustedPartnerFactor, items);
        LocalDate from = queues.stream()
                .map(Capacity::effectiveFrom)
                .filter(Objects::nonNull)
                .max(LocalDate::compareTo)
                .orElseThrow();
        return new Capacity(center, "all", items, control, factor, from, "combined");
    }

    /**
     * A share of the queues weighted by their items, in decimal arithmetic on the shares as written: queues that all
     * give the control sample 0.05 give it 0.05 together, not 0.05000000000000001.
     */
    private static double weightedByItems(List<Capacity> queues, ToDoubleFunction<Capacity> share, int items) {
        BigDecimal weighted = BigDecimal.ZERO;
        for (Capacity queue : queues) {
            weighted = weighted.add(
                    BigDecimal.valueOf(share.applyAsDouble(queue)).multiply(BigDecimal.valueOf(queue.itemsPerWeek())));
        }
        return weighted.divide(BigDecimal.valueOf(items), MathContext.DECIMAL64).doubleValue();
    }

    /**
     * The setting of one of the Center's queues in force on a date, what a change of it that leaves a part out keeps;
     * for a queue with no setting yet, the Center's capacity ({@link #on}) stands for it.
     */
    public Capacity queueOn(String center, String queue, LocalDate date) {
        return current(center, date).stream()
                .filter(setting -> setting.queue().equals(queue))
                .findFirst()
                .orElseGet(() -> on(center, date));
    }

    /** The setting of each of the Center's queues in force on a date. */
    public List<Capacity> current(String center, LocalDate date) {
        Map<String, Capacity> latest = new LinkedHashMap<>();
        for (Capacity capacity : history(center)) {
            if (!capacity.effectiveFrom().isAfter(date)) {
                latest.put(capacity.queue(), capacity);
            }
        }
        return List.copyOf(latest.values());
    }

    /** Whether a Center of that code exists. */
    public boolean isCenter(String center) {
        return reference.isCenter(center);
    }

    /** Every setting the Center has had, oldest first. */
    public List<Capacity> history(String center) {
        return byCenter.computeIfAbsent(center, this::read);
    }

    /** Sets a Center's capacity for a queue from a date on (not before today); audited. */
    @Transactional
    /**
     * A queue's name as it is kept: without surrounding blanks and in lower case, so that "Entry-Summary-Review " names
     * the queue {@value #REVIEW_QUEUE} rather than a second queue whose items would add to the Center's capacity.
     */
    public static String queueName(String written) {
        return written == null ? null : written.strip().toLowerCase(Locale.ROOT);
    }

    public Capacity set(Capacity capacity, String actor) {
        CenterCode code = CenterCode.of(capacity.center());
        if (reference.center(code).isEmpty()) {
            throw new Invalid("center", "CENTER_UNKNOWN", "No Center has the code " + Shown.value(capacity.center()));
        }
        LocalDate today = LocalDate.now(clock);
        if (capacity.effectiveFrom().isBefore(today)) {
            throw new Invalid(
                    "effectiveFrom",
                    "DATE_IN_PAST",
                    "A capacity takes effect from today (" + today + ") or later, not " + capacity.effectiveFrom());
        }
        if (capacity.queue() == null || capacity.queue().isBlank()) {
            throw new Invalid("queue", "REQUIRED", "A capacity names its queue");
        }
        String queue = queueName(capacity.queue());
        if (queue.length() > MAX_QUEUE_NAME) {
            throw new Invalid("queue", "TOO_LONG", "A queue's name has at most " + MAX_QUEUE_NAME + " characters");
        }
        if (!QUEUE_NAME.matcher(queue).matches()) {
            throw new Invalid(
                    "queue",
                    "QUEUE_NAME",
                    "A queue's name is written in lower-case letters, digits and single hyphens, such as '"
                            + REVIEW_QUEUE + "', not '" + Shown.value(capacity.queue()) + "'");
        }
        if (!(capacity.trustedPartnerFactor() > 0)) {
            throw Capacity.trustedPartnerFactorOutOfRange(capacity.trustedPartnerFactor());
        }
        Capacity stored = new Capacity(
                code.value(),
                queue,
                capacity.itemsPerWeek(),
                capacity.controlShare(),
                capacity.trustedPartnerFactor(),
                capacity.effectiveFrom(),
                actor);
        store(stored);
        return stored;
    }

    private void store(Capacity stored) {
        jdbc.sql("insert into review_capacity (center, queue, items_per_week, control_share,"
                        + " trusted_partner_factor, effective_from, set_by, set_at) values (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (center, queue, effective_from) do update set items_per_week ="
                        + " excluded.items_per_week, control_share = excluded.control_share, trusted_partner_factor"
                        + " = excluded.trusted_partner_factor, set_by = excluded.set_by, set_at = excluded.set_at")
                .params(
                        stored.center(),
                        stored.queue(),
                        stored.itemsPerWeek(),
                        stored.controlShare(),
                        stored.trustedPartnerFactor(),
                        stored.effectiveFrom(),
                        stored.setBy(),
                        java.sql.Timestamp.from(Instant.now(clock)))
                .update();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("queue", stored.queue());
        detail.put("itemsPerWeek", stored.itemsPerWeek());
        detail.put("controlShare", stored.controlShare());
        detail.put("trustedPartnerFactor", stored.trustedPartnerFactor());
        detail.put("effectiveFrom", stored.effectiveFrom().toString());
        audit.record(stored.setBy(), "REVIEW_CAPACITY_SET", "center", stored.center(), detail);
        byCenter.remove(stored.center());
    }

    /**
     * Gives every Center the same capacity from a date in the past on, for a new installation whose history is loaded
     * at once (the demo data set does, before it files its entry summaries). Refused once any entry summary entered on
     * or after that date has been scored, since selections already made under the earlier setting would no longer
     * agree with it; audited per Center.
     */
    @Transactional
    public void establish(int itemsPerWeek, LocalDate from, String actor) {
        boolean scored = jdbc.sql("select exists (select 1 from risk_assessment where entry_date >= ?)")
                .param(from)
                .query(Boolean.class)
                .single();
        if (scored) {
            throw new IllegalStateException(
                    "Entry summaries entered from " + from + " on have been scored; a capacity from then on can no"
                            + " longer be established, only set from today");
        }
        for (Center center : reference.centers()) {
            Capacity capacity = new Capacity(
                    center.code().value(),
                    REVIEW_QUEUE,
                    itemsPerWeek,
                    defaultControlShare,
                    defaultTrustedPartnerFactor,
                    from,
                    actor);
            store(capacity);
        }
    }

    private List<Capacity> read(String center) {
        return new ArrayList<>(jdbc.sql(
                        "select center, queue, items_per_week, control_share, trusted_partner_factor,"
                                + " effective_from, set_by from review_capacity where center = ? order by effective_from, queue")
                .param(center)
                .query((rs, i) -> new Capacity(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getDouble(4),
                        rs.getDouble(5),
                        rs.getObject(6, LocalDate.class),
                        rs.getString(7)))
                .list());
    }
}
