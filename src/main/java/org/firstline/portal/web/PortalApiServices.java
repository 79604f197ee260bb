package org.firstline.portal.web;

import org.firstline.portal.internal.CustomerSurveys;
import org.firstline.portal.internal.PortalSessions;
import org.firstline.portal.internal.SignInLinks;
import org.firstline.ticket.AttachmentService;
import org.springframework.stereotype.Component;

/** The customer API's plumbing: signing in and out, files and the satisfaction survey. */
@Component
record PortalApiServices(
        SignInLinks links, PortalSessions sessions, AttachmentService attachments, CustomerSurveys surveys) {}
