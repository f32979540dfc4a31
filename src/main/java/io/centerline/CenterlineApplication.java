package io.centerline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CenterlineApplication {
    public static void main(String[] args) {
        SpringApplication.run(CenterlineApplication.class, args);
    }
}
