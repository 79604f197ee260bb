package org.firstline.directory.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.firstline.directory.AgentForm;
import org.firstline.directory.AgentService;
import org.firstline.platform.AgentRole;
import org.firstline.platform.FirstlineSettings;
import org.firstline.platform.SecretFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start, creates the agent {@code admin} with a random password, printed once and written to
 * {@code <data-dir>/initial-admin-password} (readable by the owner only), as Jenkins does.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InitialAdmin implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final AgentService agents;
    private final FirstlineSettings settings;

    InitialAdmin(AgentService agents, FirstlineSettings settings) {
        this.agents = agents;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (agents.exists("admin")) {
            return;
        }
        String password = SecretFiles.randomPassword();
        // the file first: a crash between the two steps must not leave an admin whose password nobody knows
        Path file = settings.dataDir().resolve("initial-admin-password");
        SecretFiles.write(file, password + "\n");
        agents.create(new AgentForm(
                "admin", "Administrator", "admin@localhost", AgentRole.ADMIN, "UTC", "", 0, password, true, null));
        log.warn("""

                *************************************************************
                Firstline created the agent 'admin' with this password:

                    {}

                It is also in {}. Sign in and change it.
                *************************************************************""", password, file.toAbsolutePath());
    }
}
