/**
 * Telling the outside world about tickets: per-team Slack and Trello messages and signed webhooks, delivered from a
 * table with retries; issues in engineering's trackers (GitHub, Shortcut) for escalations and planned work, followed
 * until they close; and chargeable work handed to account managers as leads.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Integrations")
package org.firstline.integration;
