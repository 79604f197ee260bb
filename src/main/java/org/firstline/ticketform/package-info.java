/**
 * The public ticket form and its embeddable widget: a request is confirmed from the requester's mailbox before it
 * becomes a ticket; while typing, the form shows open incidents and keyword suggestions (deflection rules) and counts
 * how often they answered the question without a ticket.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ticket form")
package org.firstline.ticketform;
