/**
 * The public status page: /status, its Statuspage-compatible JSON and Atom feed, all answered from the in-memory
 * status board so they keep answering while the database is down; the administration of components and planned
 * maintenance; and email subscriptions with double opt-in and one-click unsubscribe.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Status page")
package org.firstline.statuspage;
