package org.firstline.ticketform;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A deflection rule as an admin writes it; checked by the service (problem+json names the field). */
public record DeflectionRuleForm(
        @Nullable List<String> phrases,
        DeflectionRule.@Nullable Kind kind,
        @Nullable String title,
        @Nullable String url) {}
