/**
 * Handoffs between the people on a rota: on a shift's last day a draft of what the next person needs (open tickets,
 * breaches, incidents, pages, the period's support load), edited by the outgoing person and read first by the incoming.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Handoffs")
package org.firstline.handoff;
