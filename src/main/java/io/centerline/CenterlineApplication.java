package io.centerline;

import io.centerline.cli.CenterlineCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * Centerline, the working system of the Centers of Excellence and Expertise. With no arguments, or {@code serve}, it
 * runs the service; other subcommands ({@code ingest}, {@code generate}, {@code bench}, {@code users}) run once and
 * exit.
 */
@SpringBootApplication
@Modulithic(systemName = "Centerline", sharedModules = "platform")
public class CenterlineApplication {

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("serve") || args[0].startsWith("--")) {
            String[] serviceArgs =
                    args.length > 0 && args[0].equals("serve") ? Arrays.copyOfRange(args, 1, args.length) : args;
            SpringApplication.run(CenterlineApplication.class, serviceArgs);
            return;
        }
        System.exit(CenterlineCommand.run(CenterlineApplication.class, args));
    }
}
