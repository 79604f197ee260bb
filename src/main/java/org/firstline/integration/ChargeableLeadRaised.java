package org.firstline.integration;

/** A ticket was marked out of scope and handed to its organization's account manager as a lead. */
public record ChargeableLeadRaised(long leadId, long ticketId, long accountManagerId) {}
