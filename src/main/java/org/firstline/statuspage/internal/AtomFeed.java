package org.firstline.statuspage.internal;

import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.firstline.incident.PublicIncident;
import org.firstline.incident.PublicMaintenance;
import org.firstline.incident.PublicStatus;
import org.firstline.incident.PublicUpdate;
import org.firstline.platform.MarkdownRenderer;

/**
 * Atom 1.0 of the page: one entry per public incident update and per planned maintenance, newest first. Written
 * with an XML writer, so every text is escaped; characters XML cannot carry at all are dropped.
 */
public final class AtomFeed {
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private final String pageUrl;
    private final String tagAuthority;
    private final MarkdownRenderer markdown;

    public AtomFeed(String publicUrl, MarkdownRenderer markdown) {
        this.pageUrl = publicUrl.replaceAll("/+$", "") + "/status";
        String host = URI.create(pageUrl).getHost();
        this.tagAuthority = (host == null ? "localhost" : host) + ",2026";
        this.markdown = markdown;
    }

    private record Entry(String id, String title, Instant updated, String link, String html) {}

    public String write(PublicStatus status) {
        List<Entry> entries = new ArrayList<>();
        for (PublicIncident incident : status.incidents()) {
            for (PublicUpdate update : incident.updates()) {
                entries.add(new Entry(
                        "tag:" + tagAuthority + ":incident-update-" + update.id(),
                        incident.title() + " — " + update.status().label(),
                        update.postedAt(),
                        pageUrl + "#incident-" + incident.id(),
                        markdown.html(update.body())));
            }
        }
        for (PublicMaintenance m : status.maintenances()) {
            entries.add(new Entry(
                    "tag:" + tagAuthority + ":maintenance-" + m.id(),
                    "Scheduled maintenance: " + m.title(),
                    m.scheduledFor(),
                    pageUrl + "#maintenance-" + m.id(),
                    "<p>From " + PublicPage.WHEN.format(m.scheduledFor()) + " until "
                            + PublicPage.WHEN.format(m.scheduledUntil()) + ".</p>" + markdown.html(m.body())));
        }
        entries.sort(Comparator.comparing(Entry::updated).reversed());
        Instant updated = entries.isEmpty()
                ? StatusJson.updatedAt(status)
                : entries.getFirst().updated();
        try {
            var out = new StringWriter();
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            text(xml, "id", "tag:" + tagAuthority + ":status");
            text(xml, "title", status.pageName() + " status");
            text(xml, "updated", updated.toString());
            link(xml, "alternate", pageUrl);
            link(xml, "self", pageUrl + "/feed.atom");
            xml.writeStartElement("author");
            text(xml, "name", status.pageName());
            xml.writeEndElement();
            for (Entry entry : entries) {
                xml.writeStartElement("entry");
                text(xml, "id", entry.id());
                text(xml, "title", entry.title());
                text(xml, "updated", entry.updated().toString());
                link(xml, "alternate", entry.link());
                xml.writeStartElement("content");
                xml.writeAttribute("type", "html");
                xml.writeCharacters(clean(entry.html()));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Atom feed not written", e);
        }
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(clean(value));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", clean(href));
    }

    /** XML 1.0 cannot carry most control characters, escaped or not. */
    static String clean(String text) {
        var sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean allowed = c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF);
            if (allowed) sb.appendCodePoint(c);
        });
        return sb.toString();
    }
}
