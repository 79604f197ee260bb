/**
 * Calendar feeds: a rota's or a person's shifts as an iCalendar subscription at a secret address, for Google Calendar
 * and Outlook; a person's feed carries reminders before each shift.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar feeds")
package org.firstline.feeds;
