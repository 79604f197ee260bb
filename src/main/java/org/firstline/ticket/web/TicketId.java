package org.firstline.ticket.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The ticket's internal id, looked up from the {@code {number}} in the page's address. People share and bookmark
 * "#1157" as {@code /tickets/1157}; the id is the database's business.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@interface TicketId {}
