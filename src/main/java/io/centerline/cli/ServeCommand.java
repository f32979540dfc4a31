package io.centerline.cli;

import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Runs the service (the default when the jar is started without arguments). */
@Command(name = "serve", description = "Run the Centerline service (the default with no arguments).")
class ServeCommand implements Runnable {

    @Parameters(arity = "0..*", description = "Spring Boot arguments, e.g. --server.port=9090")
    String[] arguments = new String[0];

    @Override
    public void run() {
        SpringApplication.run(CenterlineCommand.application(), arguments);
    }
}
