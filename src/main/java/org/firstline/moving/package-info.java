/**
 * Moving in: bringing a team's schedules, rotations, overrides and escalation policies over from another on-call tool
 * (Opsgenie's REST API JSON), with a dry run that shows what would be created.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Moving in")
package org.firstline.moving;
