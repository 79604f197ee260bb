package org.firstline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FirstlineApplication {

    public static void main(String[] args) {
        SpringApplication.run(FirstlineApplication.class, args);
    }
}
