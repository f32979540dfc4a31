package io.centerline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.identity.Role;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class UsersCommandTests {

    @Test
    void theHelpOfUsersAddListsEveryRole() {
        String help = new CommandLine(new UsersCommand.Add()).getUsageMessage(CommandLine.Help.Ansi.OFF);

        for (Role role : Role.values()) {
            assertThat(help).contains(role.name());
        }
        assertThat(help).doesNotContain("${");
    }
}
