/**
 * The email channel: support mailboxes read over IMAP, each message filed exactly once as a ticket, a reply, a
 * delivery failure or a quarantine entry; replies and notices sent over SMTP through an outbox; and the approval of
 * tickets from people who are not their organization's representatives.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Email")
package org.firstline.email;
