package io.centerline.targeting;

import static io.centerline.support.Summaries.line;
import static io.centerline.support.Summaries.summary;
import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.CleanDatabase;
import io.centerline.entries.EntryNumber;
import io.centerline.entries.EntrySummaryIntake;
import io.centerline.entries.IntakeOutcome;
import io.centerline.support.Summaries;
import io.centerline.targeting.rules.Rules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rounds of scoring run by the test itself, scoring being taken out of intake here: two rounds stored side by side, as
 * intake's two writers store them, where a riskier summary of one takes the item of a selection the other has not
 * committed yet, and the database says so once both have committed; and a summary that gives its control item to a
 * lower draw of a later round.
 */
@SpringBootTest(
        properties = {
            "centerline.targeting.scoring.enabled=false",
            "centerline.targeting.capacity.items-per-week=4",
            "centerline.targeting.capacity.control-share=0.10",
            "centerline.targeting.model.enabled=false"
        })
@Import(CleanDatabase.class)
class ConcurrentRoundsIntegrationTests {

    /** A Monday no other test files in; crude oil goes to PNGM, which keeps the default capacity. */
    private static final String WEEK = "2019-03-04";
    /**
     * The Monday before: two summaries scored in it make the week expect few, so that its threshold is low whatever
     * other tests have scored at PNGM.
     */
    private static final String WEEK_BEFORE = "2019-02-25";

    @Autowired
    EntrySummaryIntake intake;

    @Autowired
    Scoring scoring;

    @Autowired
    Selection selection;

    @Autowired
    Rules rules;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aSelectionThatGaveWayToAnotherRoundIsTakenBackOnceBothRoundsAreStored() throws Exception {
        // rules that other tests left in force in the shared database would find these summaries too
        rules.all().stream()
                .map(rule -> rule.code().value())
                .distinct()
                .forEach(code -> rules.retire(code, null, "Only this test's rules decide here", "test"));
        String somewhatRisky = importerFoundAs(0.98);
        String riskier = importerFoundAs(0.9999);
        List<EntryKey> before = fileCrudeOil(Summaries.importer(), 2, WEEK_BEFORE, 0.9);
        if (itemsOf(LocalDate.parse(WEEK)).control() > 0) {
            // drawn lower than any summary below, it keeps the week's control item, so that only risk decides theirs
            before.addAll(fileCrudeOil(Summaries.importer(), 1, WEEK, 0));
        }
        List<EntryKey> first = fileCrudeOil(somewhatRisky, 6, WEEK, 0.9);
        List<EntryKey> later = fileCrudeOil(riskier, 1, WEEK, 0.9);
        CountDownLatch firstScored = new CountDownLatch(1);
        CountDownLatch laterStored = new CountDownLatch(1);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> scoring.assess(before));

        CompletableFuture<Void> firstRound =
                CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
                    scoring.assess(first);
                    firstScored.countDown();
                    await(laterStored);
                }));
        assertThat(firstScored.await(60, TimeUnit.SECONDS)).isTrue();
        transaction.executeWithoutResult(status -> scoring.assess(later));
        Map<EntryKey, String> whileTheFirstIsOpen = selections(later);
        laterStored.countDown();
        firstRound.get(60, TimeUnit.SECONDS);

        int riskItems = itemsOf(LocalDate.parse(WEEK)).risk();
        Map<EntryKey, String> firstSelections = selections(first);
        assertThat(riskItems).isPositive();
        assertThat(whileTheFirstIsOpen).containsEntry(later.get(0), "RISK");
        assertThat(firstSelections.values().stream().filter("RISK"::equals))
                .as("the first round's selections for risk, one of which gave way")
                .hasSize(riskItems - 1);
        EntryKey gaveWay = jdbc.sql("select entry_number, version from risk_assessment where displaced_by = ?")
                .param(later.get(0).entryNumber())
                .query((rs, i) -> new EntryKey(rs.getString(1), rs.getInt(2)))
                .single();
        assertThat(first).contains(gaveWay);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'RISK_SELECTION_DISPLACED'"
                                + " and subject_id = ?")
                        .param(gaveWay.entryNumber())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aRiskySummaryThatGivesItsControlItemToALowerDrawTakesARiskItemInstead() {
        // a week from April 2019 on with a control item, no other test files in, and that expects two summaries, so
        // that its first arrival is drawn for its control item
        LocalDate monday = LocalDate.of(2019, 4, 8);
        while (itemsOf(monday).control() == 0) {
            monday = monday.plusWeeks(1);
        }
        String week = monday.toString();
        List<EntryKey> before =
                fileCrudeOil(Summaries.importer(), 2, monday.minusWeeks(1).toString(), 0.5);
        List<EntryKey> risky = fileCrudeOil(importerFoundAs(0.99), 1, week, 0.5);
        List<EntryKey> lower = fileCrudeOil(Summaries.importer(), 1, week, 0);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> scoring.assess(before));

        transaction.executeWithoutResult(status -> scoring.assess(risky));
        assertThat(selections(risky)).containsEntry(risky.get(0), "CONTROL");
        transaction.executeWithoutResult(status -> scoring.assess(lower));

        assertThat(selections(lower)).containsEntry(lower.get(0), "CONTROL");
        assertThat(selections(risky)).containsEntry(risky.get(0), "RISK");
        assertThat(jdbc.sql("select ground from risk_assessment where entry_number = ?")
                        .param(risky.get(0).entryNumber())
                        .query(String.class)
                        .single())
                .isEqualTo("RISKIEST");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'CONTROL_SELECTION_MOVED_TO_RISK'"
                                + " and subject_id = ?")
                        .param(risky.get(0).entryNumber())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    /** A fresh importer, and a rule that finds each of its lines as risky as the strength says. */
    private String importerFoundAs(double strength) {
        String importer = Summaries.importer();
        ImporterRules.store(rules, "ROUNDS-" + importer.substring(3, 10), importer, strength);
        return importer;
    }

    /**
     * Files crude-oil summaries of the importer entered on the date, under numbers drawn at or above {@code drawnFrom}
     * for the control sample, or below 0.001 when it is 0.
     */
    private List<EntryKey> fileCrudeOil(String importer, int count, String date, double drawnFrom) {
        List<EntryKey> keys = new ArrayList<>();
        while (keys.size() < count) {
            String number = EntryNumber.parse(Summaries.entryNumber("RND")).value();
            EntryKey key = new EntryKey(number, 1);
            double draw = selection.draw(key);
            if (drawnFrom > 0 ? draw < drawnFrom : draw >= 0.001) {
                continue;
            }
            // a warehouse entry, whose year runs from the final withdrawal of its goods: not deemed liquidated in 2019
            IntakeOutcome outcome = intake.submitJson(
                    summary(number, "21", importer, date, date, false, line(1, "2709002090", "900000.00", null)),
                    "test");
            assertThat(outcome).isInstanceOf(IntakeOutcome.Accepted.class);
            keys.add(key);
        }
        return keys;
    }

    private Map<EntryKey, String> selections(List<EntryKey> keys) {
        Map<EntryKey, String> selections = new HashMap<>();
        for (EntryKey key : keys) {
            selections.put(
                    key,
                    jdbc.sql(
                                    "select coalesce(selection, '') from risk_assessment where entry_number = ? and version = ?")
                            .params(key.entryNumber(), key.version())
                            .query(String.class)
                            .single());
        }
        return selections;
    }

    private static Capacity.WeekItems itemsOf(LocalDate date) {
        return new Capacity("PNGM", Capacities.REVIEW_QUEUE, 4, 0.10, 0.5, null, "default").itemsIn(date);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
