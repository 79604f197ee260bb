/**
 * The satisfaction survey: a rating from 1 to 5 and a comment, asked in the one resolution mail and in the customer
 * portal. The first answer stands; a later one within 7 days replaces it. Reported per agent, team and organization
 * (as they were when the ticket was resolved) by week or month, in the API, on the ticket and on a report page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Satisfaction survey")
package org.firstline.survey;
