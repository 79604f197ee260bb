package org.firstline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A migration that has run on someone's database must never change: Flyway would refuse to start there (checksum
 * mismatch), or worse, two installations would hold different schemas under one version. Every migration is listed
 * with its SHA-256 in {@code db/landed-migrations.sha256}; a new one is added to the list when it lands.
 */
class LandedMigrationsTest {
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path LIST = Path.of("src/test/resources/db/landed-migrations.sha256");

    @Test
    void noLandedMigrationIsEditedOrRemoved() throws IOException {
        Map<String, String> landed = landed();
        assertThat(landed).as("the list of landed migrations").hasSizeGreaterThan(10);
        landed.forEach((path, sum) -> {
            Path file = RESOURCES.resolve(path);
            assertThat(file)
                    .as("%s has landed and must not be removed or renamed", path)
                    .exists();
            assertThat(sha256(file))
                    .as("%s has landed and must not be edited: add a new migration instead", path)
                    .isEqualTo(sum);
        });
    }

    @Test
    void everyMigrationIsListedOnceItLands() throws IOException {
        Map<String, String> landed = landed();
        List<String> unlisted =
                migrations().filter(path -> !landed.containsKey(path)).toList();
        assertThat(unlisted)
                .as(
                        "new migrations must be added to %s (run: cd src/main/resources && sha256sum %s >> ../../../%s)",
                        LIST, String.join(" ", unlisted), LIST)
                .isEmpty();
    }

    @Test
    void migrationNamesSayWhenAndWhat() throws IOException {
        assertThat(migrations().map(path -> Path.of(path).getFileName().toString()))
                .allSatisfy(name -> assertThat(name).matches("V\\d{12}__[a-z0-9_]+\\.sql"));
    }

    private static Map<String, String> landed() throws IOException {
        Map<String, String> landed = new LinkedHashMap<>();
        for (String line : Files.readAllLines(LIST, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                String[] parts = line.strip().split("\\s+", 2);
                landed.put(parts[1], parts[0]);
            }
        }
        return landed;
    }

    private static Stream<String> migrations() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("db/migration"))) {
            return files
                    .filter(file -> file.toString().endsWith(".sql"))
                    .map(file -> RESOURCES.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
