package org.firstline.platform;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * The one Markdown renderer: incident updates, retrospectives, articles and rich replies all go through it. Raw HTML
 * in the source is escaped by the parser and the result is cleaned again, so what an agent or a customer writes can
 * never run as script on a page that shows it.
 */
@Component
public class MarkdownRenderer {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();
    private static final TextContentRenderer TEXT =
            TextContentRenderer.builder().extensions(EXTENSIONS).build();
    private static final Safelist SAFE = Safelist.relaxed()
            .removeTags("img")
            .addAttributes("a", "rel")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .addProtocols("a", "href", "http", "https", "mailto");

    /** Safe HTML for a page. */
    public String html(String markdown) {
        String html = HTML.render(PARSER.parse(markdown));
        return Jsoup.clean(html, "", SAFE, new Document.OutputSettings().prettyPrint(false));
    }

    /** Plain text, for mail bodies, feeds' summaries and anywhere markup would show as noise. */
    public String text(String markdown) {
        return TEXT.render(PARSER.parse(markdown)).strip();
    }
}
