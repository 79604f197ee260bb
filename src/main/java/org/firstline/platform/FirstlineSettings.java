package org.firstline.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings that shape how Firstline runs.
 *
 * @param dataDir where the embedded database and the initial admin password live
 * @param ephemeralDatabase tests only: one throwaway embedded server per JVM, a fresh database per context
 * @param demoData load demo organizations, agents and tickets on first start (embedded database only)
 * @param attachmentMaxBytes largest attachment accepted
 * @param publicUrl the address agents and customers reach Firstline at, used in links
 */
@ConfigurationProperties("firstline")
public record FirstlineSettings(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("false") boolean ephemeralDatabase,
        @DefaultValue("true") boolean demoData,
        @DefaultValue("10485760") long attachmentMaxBytes,
        @DefaultValue("http://localhost:8080") String publicUrl) {}
