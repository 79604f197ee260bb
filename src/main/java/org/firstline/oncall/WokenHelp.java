package org.firstline.oncall;

import java.util.ArrayList;
import java.util.List;
import org.firstline.directory.AgentResponsibilities;
import org.firstline.directory.AgentService;
import org.firstline.directory.AgentView;
import org.firstline.directory.Designation;
import org.firstline.email.StaffMail;
import org.firstline.oncall.internal.ToilStore;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.ConflictException;
import org.firstline.platform.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * A page that woke someone: they may tell their delivery lead (who plans the next day around it) and ask for cover
 * for the rest of the night (the heads of operations arrange it). Each says who was told, or why nobody could be.
 */
@Service
public class WokenHelp {
    private final ToilStore store;
    private final AgentResponsibilities responsibilities;
    private final AgentService agents;
    private final StaffMail mail;

    WokenHelp(ToilStore store, AgentResponsibilities responsibilities, AgentService agents, StaffMail mail) {
        this.store = store;
        this.responsibilities = responsibilities;
        this.agents = agents;
        this.mail = mail;
    }

    public List<String> tellLead(long claimId, AgentPrincipal actor) {
        var claim = woken(claimId, actor);
        Long lead = responsibilities.of(claim.agentId()).deliveryLeadId();
        if (lead == null)
            throw new ConflictException("You have no delivery lead yet: an admin sets one under Admin → People.");
        return send(
                List.of(agents.get(lead)),
                claim.agentName() + " was woken by a page",
                claim.agentName() + " was woken by an out-of-hours page at " + claim.episodeStart()
                        + " (UTC) and worked " + claim.minutesWorked()
                        + " minutes on it. They may start late or need the time back.\n");
    }

    public List<String> askCover(long claimId, AgentPrincipal actor) {
        var claim = woken(claimId, actor);
        var heads = responsibilities.holders(Designation.HEAD_OF_OPERATIONS);
        if (heads.isEmpty()) {
            throw new ConflictException(
                    "Nobody is head of operations to arrange cover: an admin names them under Admin → People.");
        }
        return send(
                heads,
                "Cover wanted for the rest of the night: " + claim.agentName(),
                claim.agentName() + " was woken by a page at " + claim.episodeStart()
                        + " (UTC) and asks for someone to take on call for the rest of the night.\n");
    }

    private ToilClaimView woken(long claimId, AgentPrincipal actor) {
        var claim =
                store.claim(claimId).orElseThrow(() -> new NotFoundException("Claim " + claimId + " does not exist."));
        if (claim.agentId() != actor.id()) throw new AccessDeniedException("Only the person paged asks this.");
        if (!claim.woke()) throw new ConflictException("This claim says the page did not wake you.");
        return claim;
    }

    private List<String> send(List<AgentView> people, String subject, String body) {
        var told = new ArrayList<String>();
        for (var person : people) {
            if (person.email() == null || person.email().isBlank()) continue;
            if (mail.send(person.email(), subject, "Hello " + person.displayName() + ",\n\n" + body)
                    .isEmpty()) {
                throw new ConflictException("No mailbox can send mail, so nobody was told: call them.");
            }
            told.add(person.displayName());
        }
        if (told.isEmpty()) throw new ConflictException("Nobody to tell has an email address: call them.");
        return told;
    }
}
