package io.centerline.targeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.support.ApiTest;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Without a configured seed, an installation draws its own control seed once and keeps it. */
class ControlSeedIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void anInstallationDrawsItsControlSeedOnceAndKeepsItAcrossStarts() {
        long first = new ControlSeed(jdbc, clock, null).value();
        long again = new ControlSeed(jdbc, clock, null).value();

        assertThat(again).isEqualTo(first);
        assertThat(jdbc.sql("select seed from targeting_control_seed")
                        .query(Long.class)
                        .list())
                .containsExactly(first);
        assertThat(new ControlSeed(jdbc, clock, 42L).value())
                .as("a configured seed wins")
                .isEqualTo(42L);
    }
}
