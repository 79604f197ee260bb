package org.firstline.knowledge;

/** An article was saved, archived or restored: whatever links it by address may need to look again. */
public record ArticleChanged(long articleId) {}
