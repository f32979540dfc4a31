package io.centerline.cli;

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
        return new CommandLine(new CenterlineCommand()).execute(args);
    }

    static Class<?> application() {
        return application;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
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
