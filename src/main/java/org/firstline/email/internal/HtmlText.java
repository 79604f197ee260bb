package org.firstline.email.internal;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

/** HTML mail made safe to keep, and made readable as plain text (quotes as "> " lines, links with their address). */
final class HtmlText {
    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "table",
            "ul",
            "ol",
            "pre",
            "section",
            "article",
            "header",
            "footer",
            "address",
            "dl",
            "dt",
            "dd",
            "center",
            "form",
            "fieldset");
    private static final Set<String> SKIPPED = Set.of("head", "style", "script", "title", "noscript", "template");
    private static final Safelist SAFE =
            Safelist.relaxed().addProtocols("img", "src", "cid").preserveRelativeLinks(false);

    private HtmlText() {}

    static String sanitize(String html) {
        return Jsoup.clean(html, "", SAFE, new Document.OutputSettings().prettyPrint(false));
    }

    static String text(String html) {
        Document document = Jsoup.parse(html);
        StringBuilder out = new StringBuilder();
        render(document.body() == null ? document : document.body(), out);
        return tidy(out.toString());
    }

    private static void render(Node node, StringBuilder out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                String value = text.text().replace('\u00a0', ' ');
                if (!value.isBlank() || (!out.isEmpty() && out.charAt(out.length() - 1) != '\n')) {
                    out.append(value.replaceAll("\\s+", " "));
                }
            } else if (child instanceof Element element) {
                renderElement(element, out);
            }
        }
    }

    private static void renderElement(Element element, StringBuilder out) {
        String tag = element.normalName();
        if (SKIPPED.contains(tag)) {
            return;
        }
        switch (tag) {
            case "br" -> out.append('\n');
            case "hr" -> newline(out).append("----\n");
            case "li" -> {
                newline(out).append("- ");
                render(element, out);
                newline(out);
            }
            case "img" -> {
                if (!element.attr("alt").isBlank()) {
                    out.append('[').append(element.attr("alt")).append(']');
                }
            }
            case "a" -> {
                int start = out.length();
                render(element, out);
                String href = element.attr("href");
                String label = out.substring(start).strip();
                if (href.startsWith("http") && !href.equals(label) && !label.isEmpty()) {
                    out.append(" (").append(href).append(')');
                }
            }
            case "blockquote" -> {
                StringBuilder inner = new StringBuilder();
                render(element, inner);
                newline(out);
                for (String line : tidy(inner.toString()).split("\n", -1)) {
                    out.append(line.isEmpty() ? ">" : "> " + line).append('\n');
                }
            }
            case "td", "th" -> {
                render(element, out);
                out.append(' ');
            }
            default -> {
                boolean block = BLOCKS.contains(tag);
                if (block) {
                    newline(out);
                }
                render(element, out);
                if (block) {
                    newline(out);
                    if (tag.equals("p") || tag.startsWith("h")) {
                        out.append('\n');
                    }
                }
            }
        }
    }

    private static StringBuilder newline(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        return out;
    }

    private static String tidy(String text) {
        return text.replaceAll("[ \\t]+\\n", "\n")
                .replaceAll("\\n[ \\t]+", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }
}
