package org.firstline.email.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every message of the real-world corpus reads exactly as its golden file says (sender, subject, threading headers,
 * automatic/bounce, text and HTML digests, attachments, or the quarantine reason), so a change to the reader shows
 * which messages it changes and how.
 *
 * <p>After a deliberate change, rewrite the golden files and read their diff before committing:
 * {@code ./mvnw -q test -Dtest=MailCorpusGoldenTest -Dgolden.update=true}. Without that flag nothing is ever written.
 */
class MailCorpusGoldenTest {
    static final Path CORPUS = Path.of("src/test/resources/mail-corpus/mikel-mail");
    static final Path GOLDEN = Path.of("src/test/resources/mail-corpus/golden/mikel-mail");
    private static final String REGENERATE = "./mvnw -q test -Dtest=MailCorpusGoldenTest -Dgolden.update=true";

    @TestFactory
    Stream<DynamicTest> everyCorpusMessageReadsAsItsGoldenFileSays() throws IOException {
        List<Path> messages = messages();
        assertThat(messages).hasSizeGreaterThanOrEqualTo(100);
        return messages.stream()
                .map(message -> dynamicTest(CORPUS.relativize(message).toString(), () -> check(message)));
    }

    @Test
    void everyGoldenFileBelongsToACorpusMessage() throws IOException {
        if (!Files.isDirectory(GOLDEN)) {
            assertThat(GoldenFile.updating())
                    .as("no golden files at " + GOLDEN + "; write them with " + REGENERATE)
                    .isTrue();
            return;
        }
        List<Path> orphans;
        try (Stream<Path> files = Files.walk(GOLDEN)) {
            orphans = files.filter(Files::isRegularFile)
                    .filter(golden -> !Files.exists(CORPUS.resolve(messageOf(golden))))
                    .toList();
        }
        if (GoldenFile.updating()) {
            for (Path orphan : orphans) {
                Files.delete(orphan);
            }
            return;
        }
        assertThat(orphans)
                .as("golden files whose message is gone (" + REGENERATE + " removes them)")
                .isEmpty();
    }

    private static void check(Path message) throws IOException {
        var actual = MailSummary.of(Files.readAllBytes(message));
        Path golden = goldenOf(message);
        if (GoldenFile.updating()) {
            if (GoldenFile.write(golden, actual)) {
                System.out.println("golden file written: " + golden);
            }
            return;
        }
        if (!Files.exists(golden)) {
            fail("no golden file " + golden + " for " + message + ". Check how it reads, then write it with "
                    + REGENERATE + ":\n" + GoldenFile.json(actual));
        }
        List<String> differences = GoldenFile.differences(golden, actual);
        if (!differences.isEmpty()) {
            fail(message + " no longer reads as " + golden + " says:\n  " + String.join("\n  ", differences)
                    + "\nIf the new reading is right, rewrite the golden files with " + REGENERATE
                    + " and review their diff.");
        }
    }

    private static List<Path> messages() throws IOException {
        try (Stream<Path> files = Files.walk(CORPUS)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("LICENSE"))
                    .sorted()
                    .toList();
        }
    }

    private static Path goldenOf(Path message) {
        return GOLDEN.resolve(CORPUS.relativize(message) + ".json");
    }

    private static Path messageOf(Path golden) {
        String relative = GOLDEN.relativize(golden).toString();
        return Path.of(
                relative.endsWith(".json") ? relative.substring(0, relative.length() - ".json".length()) : relative);
    }
}
