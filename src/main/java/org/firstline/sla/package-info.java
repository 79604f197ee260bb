/**
 * Service levels: business calendars and the time arithmetic on them, policies per support plan and priority, each
 * ticket's targets with their due times and pauses, the sweeper that records warnings and breaches exactly once, and
 * the breach, at-risk, stale and compliance views.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA")
package org.firstline.sla;
