package org.firstline.portal.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.firstline.directory.OrganizationService;
import org.firstline.platform.NotFoundException;
import org.firstline.sla.ComplianceRow;
import org.firstline.sla.SlaViews;
import org.firstline.ticket.BudgetPeriods;
import org.firstline.ticket.TimeTrackingService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a representative sees of their organization: its plan's support budget and what this period has used, the
 * service levels met per month over the last six, and its open tickets by whose turn it is. Only for representatives
 * of that organization: anyone else gets the same "not found" as for an organization that does not exist.
 */
@Component
public class OrganizationFigures {
    public record Budget(String plan, int hours, String period, Instant periodStart, double usedHours) {
        public int percentUsed() {
            return hours == 0 ? 0 : (int) Math.round(100 * usedHours / hours);
        }
    }

    public record Figures(
            long organizationId,
            String organization,
            @Nullable Budget budget,
            List<ComplianceRow> serviceLevels,
            Map<CustomerStatus, Long> open) {}

    private final Clock clock;
    private final OrganizationService organizations;
    private final TimeTrackingService time;
    private final SlaViews slas;
    private final CustomerTickets tickets;

    OrganizationFigures(
            Clock clock,
            OrganizationService organizations,
            TimeTrackingService time,
            SlaViews slas,
            CustomerTickets tickets) {
        this.clock = clock;
        this.organizations = organizations;
        this.time = time;
        this.slas = slas;
        this.tickets = tickets;
    }

    public Figures of(Customer customer, long organizationId) {
        if (!customer.represents(organizationId)) throw new NotFoundException("No such organization.");
        var organization = organizations.get(organizationId);
        Instant now = clock.instant();
        Budget budget = null;
        Long planId = organization.planId();
        if (planId != null) {
            var plan = organizations.plan(planId).orElse(null);
            if (plan != null) {
                Instant start = BudgetPeriods.start(plan.budgetPeriod(), now);
                double used = Math.round(time.budgetMinutesUsed(organizationId, start) / 6.0) / 10.0;
                budget = new Budget(plan.name(), plan.budgetHours(), plan.budgetPeriod(), start, used);
            }
        }
        YearMonth thisMonth = YearMonth.from(now.atZone(ZoneOffset.UTC));
        return new Figures(
                organizationId,
                organization.name(),
                budget,
                slas.monthlyComplianceOf(organizationId, thisMonth.minusMonths(5), thisMonth),
                tickets.openCounts(customer, organizationId));
    }
}
