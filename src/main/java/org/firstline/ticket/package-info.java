/**
 * The ticket aggregate: tickets and their status machine, conversation, attachments, links, time entries, labels,
 * canned responses and the audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tickets")
package org.firstline.ticket;
