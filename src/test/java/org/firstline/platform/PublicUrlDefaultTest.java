package org.firstline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** Started on another port (SERVER_PORT=8081), the links Firstline sends must point at that port, not at 8080. */
class PublicUrlDefaultTest {
    @Test
    void thePublicAddressFollowsTheServerPortUnlessSet() throws IOException {
        assertThat(publicUrl(Map.of("server.port", "8081"))).isEqualTo("http://localhost:8081");
        assertThat(publicUrl(Map.of())).isEqualTo("http://localhost:8080");
        assertThat(publicUrl(Map.of("server.port", "8081", "firstline.public-url", "https://desk.example.org")))
                .isEqualTo("https://desk.example.org");
    }

    private static String publicUrl(Map<String, Object> overrides) throws IOException {
        var environment = new StandardEnvironment();
        for (var source :
                new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))) {
            environment.getPropertySources().addLast(source);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("overrides", overrides));
        return environment.getProperty("firstline.public-url");
    }
}
