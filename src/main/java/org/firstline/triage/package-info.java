/**
 * Triage: the desk where untriaged tickets get a team, an owner and a priority; the ownership map and the classifier
 * learned from past assignments behind each suggestion; priority from factors; triage sessions, team queues for
 * stand-ups and the work queue in funding and budget order.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Triage")
package org.firstline.triage;
