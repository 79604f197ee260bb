package org.firstline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.firstline.FirstlineApplication;
import org.firstline.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** Starts Firstline as its main method does, without the test framework's context tweaks, and looks at it from outside. */
class ApplicationStartIT {

    @TempDir
    Path dataDir;

    @Test
    void firstStartCreatesTheAdminAndServesHealthMetricsAndTheApi() throws Exception {
        try (var context = new SpringApplicationBuilder(FirstlineApplication.class)
                .run(
                        "--server.port=0",
                        "--firstline.ephemeral-database=true",
                        "--firstline.demo-data=false",
                        "--firstline.data-dir=" + dataDir)) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            String password =
                    Files.readString(dataDir.resolve("initial-admin-password")).strip();
            assertThat(password).hasSize(20);
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("initial-admin-password"))
                            .toString())
                    .isEqualTo("[OWNER_READ, OWNER_WRITE]");

            var anonymous = ApiClient.anonymous(port);
            assertThat(anonymous
                            .get("/actuator/health/readiness")
                            .json()
                            .get("status")
                            .asString())
                    .isEqualTo("UP");
            var metrics = anonymous.get("/actuator/prometheus", "text/plain");
            assertThat(metrics.status()).as("metrics need a token").isEqualTo(401);
            assertThat(metrics.body()).doesNotContain("jvm_memory_used_bytes");
            assertThat(anonymous.get("/actuator/env").status())
                    .as("other actuator endpoints need an admin")
                    .isNotEqualTo(200);
            var admin = ApiClient.basic(port, "admin", password);
            assertThat(admin.get("/api/v1/agents")
                            .json()
                            .get("items")
                            .get(0)
                            .get("username")
                            .asString())
                    .isEqualTo("admin");
            assertThat(admin.get("/actuator/prometheus", "text/plain").body())
                    .contains("jvm_memory_used_bytes")
                    .contains("http_server_requests_seconds");
        }
    }
}
