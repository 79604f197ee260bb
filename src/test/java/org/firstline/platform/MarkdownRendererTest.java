package org.firstline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
    private final MarkdownRenderer markdown = new MarkdownRenderer();

    @Test
    void rendersCommonMarkdown() {
        String html =
                markdown.html("# Update\n\nWe are **investigating** [errors](https://example.com/x).\n\n- one\n- two");
        assertThat(html)
                .contains("<h1>Update</h1>")
                .contains("<strong>investigating</strong>")
                .contains("href=\"https://example.com/x\"")
                .contains("rel=\"nofollow noopener noreferrer\"")
                .contains("<li>one</li>");
    }

    @Test
    void neverLetsScriptThrough() {
        String html = markdown.html("<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
                + "[click](javascript:alert(3)) <a href=\"javascript:alert(4)\">x</a> <b onmouseover=alert(5)>b</b>");
        var page = Jsoup.parseBodyFragment(html);
        assertThat(page.select("script, img, iframe")).isEmpty();
        assertThat(page.select("a[href^=javascript]")).isEmpty();
        assertThat(page.getAllElements().stream()
                        .flatMap(e -> e.attributes().asList().stream())
                        .map(a -> a.getKey()))
                .noneMatch(name -> name.startsWith("on"));
        assertThat(page.text()).contains("<script>alert(1)</script>");
    }

    @Test
    void plainTextDropsTheMarkup() {
        assertThat(markdown.text("We are **investigating** [errors](https://example.com)."))
                .isEqualTo("We are investigating \"errors\" (https://example.com).");
    }
}
