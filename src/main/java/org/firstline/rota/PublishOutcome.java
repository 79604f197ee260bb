package org.firstline.rota;

import java.util.List;

/** Whether a rotation is published now, and what was worth a warning; with warnings it publishes only when confirmed. */
public record PublishOutcome(boolean published, List<RotaWarning> warnings) {}
