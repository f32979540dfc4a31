package io.centerline;

import io.centerline.cli.CenterlineCommand;
import java.util.Arrays;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * Centerline, the working system of the Centers of Excellence and Expertise. With no arguments, or {@code serve}, it
 * runs the service (arguments starting with {@code --} are the service's settings, as {@code --server.port=8081});
 * other subcommands ({@code ingest}, {@code generate}, {@code bench}, {@code users}, {@code targeting}) and
 * {@code --help} run once and exit.
 */
@SpringBootApplication
@Modulithic(systemName = "Centerline", sharedModules = "platform")
public class CenterlineApplication {

    /** Asking for help or the version prints them and ends, as every subcommand does, rather than starting the service. */
    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");

    public static void main(String[] args) {
        boolean help = args.length > 0 && HELP.contains(args[0]);
        if (args.length == 0 || args[0].equals("serve") || (args[0].startsWith("--") && !help)) {
            String[] serviceArgs =
                    args.length > 0 && args[0].equals("serve") ? Arrays.copyOfRange(args, 1, args.length) : args;
            SpringApplication.run(CenterlineApplication.class, serviceArgs);
            return;
        }
        System.exit(CenterlineCommand.run(CenterlineApplication.class, args));
    }
}
