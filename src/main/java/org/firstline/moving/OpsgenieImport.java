package org.firstline.moving;

import java.util.List;
import java.util.Locale;
import org.firstline.directory.AgentService;
import org.firstline.moving.internal.ImportContext;
import org.firstline.moving.internal.ImportTransaction;
import org.firstline.moving.internal.PolicyImport;
import org.firstline.moving.internal.ScheduleImport;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.InvalidRequestException;
import org.springframework.stereotype.Service;

/**
 * Brings a team over from Opsgenie: schedules become published rotas, overrides become rota overrides, escalations
 * become escalation policies. All or nothing, in one transaction; a dry run does the same and rolls back. Importing
 * again adds nothing already there by name.
 */
@Service
public class OpsgenieImport {
    private static final List<String> DUTIES = List.of("TRIAGE_DESK", "FIRST_LINE", "SECOND_LINE");

    private final ScheduleImport schedules;
    private final PolicyImport policies;
    private final AgentService agents;
    private final ImportTransaction transaction;
    private final org.firstline.directory.TeamService teams;

    OpsgenieImport(
            ScheduleImport schedules,
            PolicyImport policies,
            AgentService agents,
            ImportTransaction transaction,
            org.firstline.directory.TeamService teams) {
        this.teams = teams;
        this.schedules = schedules;
        this.policies = policies;
        this.agents = agents;
        this.transaction = transaction;
    }

    public ImportReport run(AgentPrincipal admin, OpsgenieExport export) {
        // Opsgenie pages around the clock; on call here is opt-in and approved, so second line is the safe default
        String duty =
                export.duty() == null ? "SECOND_LINE" : export.duty().strip().toUpperCase(Locale.ROOT);
        if (duty.equals("ON_CALL")) {
            // opting in is asked on a rota and approved by the head of operations: no imported rota has asked yet
            throw new InvalidRequestException(
                    "duty",
                    "cannot be ON_CALL: import as SECOND_LINE, let people ask to join on call, then change the duty");
        }
        if (!DUTIES.contains(duty)) throw new InvalidRequestException("duty", "must be one of " + DUTIES);
        return transaction.run(export.dryRun(), () -> {
            var ctx = new ImportContext(
                    export.dryRun(),
                    "opsgenie import by " + admin.username(),
                    agents.list(),
                    teams.list(),
                    export.users() == null ? List.of() : export.users());
            var rotas = schedules.schedules(ctx, duty, export.schedules() == null ? List.of() : export.schedules());
            var overrides = schedules.overrides(ctx, export.overrides() == null ? List.of() : export.overrides());
            var made = policies.escalations(ctx, export.escalations() == null ? List.of() : export.escalations());
            return new ImportReport(export.dryRun(), rotas, overrides, made, ctx.warnings());
        });
    }
}
