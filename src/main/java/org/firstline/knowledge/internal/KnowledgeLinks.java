package org.firstline.knowledge.internal;

import org.firstline.platform.FirstlineSettings;
import org.springframework.stereotype.Component;

/** The one place that says where an article is read: /kb/{slug} for customers, /knowledge/{id} for agents. */
@Component
public class KnowledgeLinks {
    private final String base;

    KnowledgeLinks(FirstlineSettings settings) {
        this.base = settings.publicUrl().replaceAll("/+$", "");
    }

    public String publicUrl(String slug) {
        return base + "/kb/" + slug;
    }

    public String agentUrl(long id) {
        return base + "/knowledge/" + id;
    }
}
