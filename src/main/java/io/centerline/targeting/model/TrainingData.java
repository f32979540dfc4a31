package io.centerline.targeting.model;

import io.centerline.targeting.Declaration;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reviewed entry lines a model learns from: every line of each entry summary version with a recorded review
 * outcome, entered within the window, labelled with a finding when the outcome was anything but no change. Lines are
 * mapped onto {@link Declaration} exactly as scoring reads stored entries, so the model learns from what it will see.
 */
@Component
class TrainingData {

    private final JdbcClient jdbc;

    TrainingData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<LabelledDeclaration> between(LocalDate from, LocalDate to) {
        List<LabelledDeclaration> rows = new ArrayList<>();
        jdbc.sql("select s.entry_number, s.version, s.entry_type, s.importer_number, s.filer_code, s.port_of_entry,"
                        + " s.mode_of_transport, s.entry_date, l.line_number, l.hts_number, l.country_of_origin,"
                        + " l.country_of_export, l.manufacturer_id, l.description, l.entered_value, l.quantity,"
                        + " l.unit, l.gross_weight_kg, l.duty_amount, l.related_party, l.adcvd_case_number, l.center,"
                        + " o.outcome <> 'NO_CHANGE'"
                        + " from review_outcome o"
                        + " join entry_summary s on s.entry_number = o.entry_number and s.version = o.version"
                        + " join entry_line l on l.entry_number = o.entry_number and l.version = o.version"
                        + " where s.entry_date between ? and ?"
                        + " order by s.entry_date, s.entry_number, s.version, l.line_number")
                .params(from, to)
                .withFetchSize(5_000)
                .query(rs -> {
                    double value = rs.getBigDecimal(15).doubleValue();
                    BigDecimal duty = rs.getBigDecimal(19);
                    Declaration line = new Declaration(
                            rs.getString(1),
                            rs.getInt(2),
                            rs.getInt(9),
                            rs.getObject(8, LocalDate.class),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(22),
                            rs.getString(10),
                            rs.getString(11),
                            rs.getString(12),
                            rs.getString(13),
                            rs.getString(14),
                            value,
                            number(rs.getBigDecimal(16)),
                            rs.getString(17),
                            number(rs.getBigDecimal(18)),
                            Declaration.dutyRate(value, number(duty)),
                            rs.getBoolean(20),
                            rs.getString(21),
                            Map.of());
                    rows.add(new LabelledDeclaration(line, rs.getBoolean(23)));
                });
        return rows;
    }

    private static double number(BigDecimal value) {
        return value == null ? Double.NaN : value.doubleValue();
    }
}
