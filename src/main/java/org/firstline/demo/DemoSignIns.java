package org.firstline.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.firstline.directory.AgentService;
import org.firstline.directory.AgentView;
import org.firstline.platform.FirstlineSettings;
import org.firstline.platform.SecretFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives the demo's agents one shared password, printed with the admin's and kept in
 * {@code <data-dir>/demo-agents-password}, so two people can try claims, presence and hand-overs on one desk.
 */
@Component
@Order(101)
class DemoSignIns implements ApplicationRunner {
    static final String DEMO_DOMAIN = "@support.example";
    private static final Logger log = LoggerFactory.getLogger(DemoSignIns.class);
    private final AgentService agents;
    private final FirstlineSettings settings;

    DemoSignIns(AgentService agents, FirstlineSettings settings) {
        this.agents = agents;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Path file = settings.dataDir().resolve("demo-agents-password");
        // once per data directory; a throwaway test database gets its demo afresh each time, so a fresh password too
        if (!settings.demoData() || (Files.exists(file) && !settings.ephemeralDatabase())) {
            return;
        }
        List<AgentView> demo = agents.list().stream()
                .filter(a -> a.email() != null && a.email().endsWith(DEMO_DOMAIN) && a.active())
                .toList();
        if (demo.isEmpty()) {
            return;
        }
        String password = SecretFiles.randomPassword();
        SecretFiles.write(file, password + "\n");
        demo.forEach(agent -> agents.changePassword(agent.id(), password));
        log.warn(
                """

                *************************************************************
                The demo agents ({}) share this password:

                    {}

                It is also in {}.
                *************************************************************""",
                String.join(
                        ", ",
                        demo.stream()
                                .map(a ->
                                        a.username() + " (" + a.role().name().toLowerCase(java.util.Locale.ROOT) + ")")
                                .toList()),
                password,
                file.toAbsolutePath());
    }
}
