package org.firstline.email.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An expected result kept as pretty JSON next to the test data. A difference is told field by field
 * ({@code attachments[0].size: expected 12 but was 13}), not as two walls of JSON.
 */
final class GoldenFile {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GoldenFile() {}

    /** Whether the test was asked to write golden files instead of checking them. Never on unless asked. */
    static boolean updating() {
        return Boolean.getBoolean("golden.update");
    }

    static String json(Object value) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
    }

    /** Writes the file when its content would change, so an update leaves untouched what still reads the same. */
    static boolean write(Path file, Object actual) throws IOException {
        String text = json(actual);
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            return false;
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return true;
    }

    /** The differences between the golden file and the actual value, one line each; empty when they agree. */
    static List<String> differences(Path file, Object actual) throws IOException {
        Map<String, String> expected = flatten(JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)));
        Map<String, String> got = flatten(JSON.valueToTree(actual));
        List<String> lines = new ArrayList<>();
        for (var entry : expected.entrySet()) {
            String value = got.get(entry.getKey());
            if (value == null) {
                lines.add(entry.getKey() + ": expected " + entry.getValue() + " but it is missing");
            } else if (!value.equals(entry.getValue())) {
                lines.add(entry.getKey() + ": expected " + entry.getValue() + " but was " + value);
            }
        }
        for (var entry : got.entrySet()) {
            if (!expected.containsKey(entry.getKey())) {
                lines.add(entry.getKey() + ": not expected, but was " + entry.getValue());
            }
        }
        return lines;
    }

    /** Paths such as {@code bounce.status} or {@code attachments[1].filename} to their JSON value. */
    static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> out) {
        if (node.isObject() && !node.isEmpty()) {
            for (var field : node.properties()) {
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), out);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(path, node.toString());
        }
    }
}
