package io.centerline.cli;

import io.centerline.identity.Role;
import io.centerline.identity.Users;
import java.io.Console;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Creates local users, the first administrator among them. */
@Command(
        name = "users",
        mixinStandardHelpOptions = true,
        description = "Manage local users.",
        subcommands = UsersCommand.Add.class)
class UsersCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("Use: users add --username NAME --role ROLE [--role ROLE]");
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Create a user; the password is read from" + " CENTERLINE_PASSWORD or asked for.")
    static class Add implements Callable<Integer> {

        @Option(names = "--username", required = true)
        String username;

        @Option(
                names = "--role",
                required = true,
                description = "A role of the user, one of: ${COMPLETION-CANDIDATES}; repeat --role for more than one")
        List<Role> roles;

        @Override
        public Integer call() {
            String password = System.getenv("CENTERLINE_PASSWORD");
            if (password == null) {
                Console console = System.console();
                if (console == null) {
                    System.err.println("Set CENTERLINE_PASSWORD or run in a terminal to be asked for the password.");
                    return 2;
                }
                password = new String(console.readPassword("Password for %s: ", username));
            }
            try (ConfigurableApplicationContext context = CenterlineCommand.context()) {
                Set<Role> roleSet = EnumSet.copyOf(roles);
                context.getBean(Users.class).create(username, password, roleSet, "cli");
                System.out.println("Created user " + username + " with roles " + roleSet);
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
        }
    }
}
