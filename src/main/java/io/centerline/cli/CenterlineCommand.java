package io.centerline.cli;

import io.centerline.platform.EmbeddedDatabase;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top command of the jar; each subcommand that needs the database starts Centerline without its web server. */
@Command(
        name = "centerline",
        mixinStandardHelpOptions = true,
        versionProvider = CenterlineCommand.Version.class,
        description = "Centerline: entry summary intake, routing and post-release work for the Centers.",
        subcommands = {
            ServeCommand.class,
            IngestCommand.class,
            GenerateCommand.class,
            BenchCommand.class,
            UsersCommand.class,
            TargetingCommand.class
        })
public class CenterlineCommand implements Runnable {

    private static Class<?> application = Object.class;

    /** Runs a command line of the jar; {@code application} is the Spring Boot application the commands start. */
    public static int run(Class<?> application, String[] args) {
        CenterlineCommand.application = application;
        return new CommandLine(new CenterlineCommand())
                .setExecutionExceptionHandler(CenterlineCommand::refused)
                .execute(args);
    }

    /**
     * The exit code of a command that could not open the database, its data directory being in use by a running
     * service: distinct from 1, by which {@code ingest} says that records were rejected and the others stored.
     */
    static final int DATABASE_IN_USE = 3;

    /**
     * A command that fails on what it was given (an argument out of range, a file that cannot be read or written)
     * says so in a line, with the exit code of a usage error or of a failure; anything else is a fault and keeps its
     * stack trace.
     */
    private static int refused(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof IllegalArgumentException) {
            command.getErr().println(command.getCommandName() + ": " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof EmbeddedDatabase.InUse inUse) {
                command.getErr().println(command.getCommandName() + ": " + inUse.getMessage());
                return DATABASE_IN_USE;
            }
        }
        if (e instanceof NoSuchFileException missing) {
            command.getErr().println(command.getCommandName() + ": no such file or directory: " + missing.getFile());
            return CommandLine.ExitCode.SOFTWARE;
        }
        if (e instanceof AccessDeniedException denied) {
            command.getErr().println(command.getCommandName() + ": permission denied: " + denied.getFile());
            return CommandLine.ExitCode.SOFTWARE;
        }
        throw e;
    }

    static Class<?> application() {
        return application;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** The version the jar's manifest gives, or that of a build run from its classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = CenterlineCommand.class.getPackage().getImplementationVersion();
            return new String[] {
                "Centerline " + (version == null ? "(run from its classes, not a packaged jar)" : version)
            };
        }
    }

    /** Starts Centerline without web server or demo data, for a command that works on the database. */
    static ConfigurableApplicationContext context() {
        // as a command-line argument the demo switch outranks application.properties and the environment
        return new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(Map.of("spring.main.banner-mode", "off"))
                .run("--centerline.demo.enabled=false");
    }
}
