package io.centerline.targeting.model;

import io.centerline.targeting.Declaration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Entry lines for model tests, built to say what kind of line they are. */
final class Lines {

    static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 5);

    private Lines() {}

    static Declaration line(LocalDate date, String importer, String hts, String origin, double value, double kg) {
        return new Declaration(
                "E" + importer + date + hts + value,
                1,
                1,
                date,
                "01",
                importer,
                "F01",
                "2704",
                "40",
                "ELEC",
                hts,
                origin,
                origin,
                "MID" + importer,
                "widgets",
                value,
                10,
                "PCS",
                kg,
                2.5,
                false,
                null,
                Map.of("bond", "8"));
    }

    static LabelledDeclaration reviewed(Declaration line, boolean finding) {
        return new LabelledDeclaration(line, finding);
    }

    /**
     * Reviewed lines over {@code days} days: importers I0 to I19 bring steady goods at a usual value, except that
     * importer I3 undervalues its lines from origin VN to a fifth of the usual, and those lines are findings; about one
     * other line in twenty is a finding at random.
     */
    static List<LabelledDeclaration> history(int days, int perDay, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LabelledDeclaration> rows = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            LocalDate date = FIRST_DAY.plusDays(day);
            for (int i = 0; i < perDay; i++) {
                String importer = "I" + random.nextInt(20);
                boolean fraud = importer.equals("I3") && random.nextDouble() < 0.7;
                String origin = fraud ? "VN" : random.nextDouble() < 0.5 ? "CN" : "MX";
                double usual = 1000 + random.nextInt(200);
                double value = fraud ? usual / 5 : usual;
                boolean finding = fraud || random.nextDouble() < 0.05;
                rows.add(reviewed(line(date, importer, "8471300100", origin, value, 50), finding));
            }
        }
        return rows;
    }

    static ModelParameters small() {
        return new ModelParameters(40, 3, 0.3, 1, 1, 1, 2, 1, 0.2);
    }
}
