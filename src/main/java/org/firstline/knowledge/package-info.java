/**
 * The knowledge base and runbooks: Markdown articles, public (read at /kb without signing in) or internal (agents
 * only), in categories, searched like tickets, with every saved version kept. Deflection rules, replies and
 * self-service resolutions link its articles by their public address.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Knowledge base",
        allowedDependencies = {"platform"})
package org.firstline.knowledge;
