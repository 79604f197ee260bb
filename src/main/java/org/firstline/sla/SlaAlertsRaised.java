package org.firstline.sla;

import java.util.List;

/**
 * Warnings and breaches the sweeper recorded and nobody was told of yet, published once in the transaction that
 * marks them told: listeners queue their mail and channel messages in it, so each alert goes out exactly once.
 */
public record SlaAlertsRaised(List<SlaAlert> alerts) {}
