package io.centerline.targeting;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The seed of the control sample's draw ({@link Selection#draw}). The draw is fixed by the entry number, which the filer
 * chooses, and the seed: with a seed anyone could read (the one in the code), a filer could work out which entry numbers
 * the control sample would take and file under others. The seed is therefore drawn at random on the installation's
 * first start and kept in the database, the same after every restart; {@code centerline.targeting.control-seed} sets it
 * instead, for tests and for replaying a selection elsewhere.
 */
@Component
class ControlSeed {

    private final long value;

    ControlSeed(JdbcClient jdbc, Clock clock, @Value("${centerline.targeting.control-seed:#{null}}") Long configured) {
        this.value = configured != null ? configured : stored(jdbc, clock);
    }

    long value() {
        return value;
    }

    private static long stored(JdbcClient jdbc, Clock clock) {
        jdbc.sql(
                        "insert into targeting_control_seed (id, seed, created_at) values (1, ?, ?) on conflict (id) do nothing")
                .params(new SecureRandom().nextLong(), Timestamp.from(clock.instant()))
                .update();
        return jdbc.sql("select seed from targeting_control_seed where id = 1")
                .query(Long.class)
                .single();
    }
}
