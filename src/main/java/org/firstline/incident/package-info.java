/**
 * Incidents and the public status: components and their status, incidents with their timeline of updates, scheduled
 * maintenance, and the in-memory status board every public page reads, so they keep answering while the database is
 * slow or down. Tickets never depend on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incidents")
package org.firstline.incident;
