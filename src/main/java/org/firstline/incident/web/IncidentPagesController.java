package org.firstline.incident.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.firstline.incident.IncidentImpact;
import org.firstline.incident.IncidentStatus;
import org.firstline.incident.internal.DeclareForm;
import org.firstline.incident.internal.IncidentDeclarations;
import org.firstline.incident.internal.IncidentFields;
import org.firstline.incident.internal.IncidentPatch;
import org.firstline.incident.internal.IncidentStore;
import org.firstline.incident.internal.IncidentTickets;
import org.firstline.incident.internal.LinkForm;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.RefusalMessages;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The incident list, declaring one, and an incident's page with its fields and linked tickets. */
@Controller
class IncidentPagesController {
    private final IncidentStore store;
    private final IncidentDeclarations declarations;
    private final IncidentFields fields;
    private final IncidentTickets tickets;
    private final PageParts parts;

    IncidentPagesController(
            IncidentStore store,
            IncidentDeclarations declarations,
            IncidentFields fields,
            IncidentTickets tickets,
            PageParts parts) {
        this.store = store;
        this.declarations = declarations;
        this.fields = fields;
        this.tickets = tickets;
        this.parts = parts;
    }

    @GetMapping("/incidents")
    String list(Model model) {
        model.addAttribute("section", "incidents");
        model.addAttribute("incidents", store.list(false, 200));
        model.addAttribute("severities", parts.severities());
        return "incident/list";
    }

    @PostMapping("/incidents")
    String declare(
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "3") int severity,
            @RequestParam(defaultValue = "") String tickets,
            @RequestParam(defaultValue = "MANUAL") String source,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        return refusing(flash, "redirect:/incidents", () -> {
            if (title.isBlank()) {
                throw new InvalidRequestException("title", "is required: the public title customers will read");
            }
            if (title.length() > 200) throw new InvalidRequestException("title", "must be at most 200 characters");
            var ids = ticketIdsOf(tickets);
            // from the desk's dialog or the ticket page: the first ticket is the one it was declared from
            boolean fromTicket = source.equals("TICKET") && !ids.isEmpty();
            var declared = declarations.declare(
                    new DeclareForm(
                            title,
                            source.equals("SURGE") ? org.firstline.incident.internal.IncidentView.Source.SURGE : null,
                            fromTicket ? ids.getFirst() : null,
                            null,
                            fromTicket ? ids.subList(1, ids.size()) : ids,
                            null,
                            severity,
                            null,
                            null,
                            null),
                    agent);
            flash.addFlashAttribute(
                    "notice",
                    "Incident declared" + (ids.isEmpty() ? "." : " with " + ticketCount(ids.size()) + " linked."));
            return "redirect:/incidents/" + declared.id();
        });
    }

    /** The desk's dialog for its selected tickets: join an open incident or declare a new one with a public title. */
    @GetMapping("/incidents/picker")
    String picker(@RequestParam(defaultValue = "") String ticketIds, Model model) {
        model.addAttribute(
                "ticketIds",
                String.join(
                        " ",
                        ticketIdsOf(ticketIds.replace(',', ' ')).stream()
                                .map(String::valueOf)
                                .toList()));
        model.addAttribute("open", store.list(true, 50));
        model.addAttribute("severities", parts.severities());
        return "incident/picker :: picker";
    }

    @GetMapping("/incidents/{id}")
    String page(@PathVariable long id, @RequestParam(defaultValue = "timeline") String tab, Model model) {
        model.addAttribute("section", "incidents");
        var incident = store.get(id);
        model.addAttribute("incident", incident);
        model.addAttribute("html", parts.html(incident));
        model.addAttribute("tab", tab);
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("impacts", IncidentImpact.values());
        model.addAttribute("severities", parts.severities());
        model.addAttribute("agents", store.agents());
        model.addAttribute("linked", tickets.linked(id, 500));
        model.addAttribute("suggested", tickets.suggested(id, 50));
        parts.retrospective(id, model);
        return "incident/page";
    }

    @PostMapping("/incidents/{id}/fields")
    String change(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String title,
            @RequestParam int severity,
            @RequestParam IncidentImpact impact,
            @RequestParam(defaultValue = "false") boolean visible,
            @RequestParam(defaultValue = "0") long technicalLeadId,
            @RequestParam(defaultValue = "0") long communicationsLeadId,
            @RequestParam(required = false) @Nullable List<Long> responderIds,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        return refusing(flash, "redirect:/incidents/" + id, () -> {
            fields.change(
                    id,
                    new IncidentPatch(
                            title.isBlank() ? null : title.strip(),
                            severity,
                            impact,
                            visible,
                            technicalLeadId,
                            communicationsLeadId,
                            responderIds == null ? List.of() : responderIds,
                            null,
                            null,
                            null),
                    agent);
            flash.addFlashAttribute("notice", "Incident saved.");
            return "redirect:/incidents/" + id;
        });
    }

    @PostMapping("/incidents/{id}/tickets")
    String link(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String numbers,
            @RequestParam(defaultValue = "") String ticketIds,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        return refusing(flash, "redirect:/incidents/" + id, () -> {
            int linked = tickets.link(id, new LinkForm(ticketIdsOf(ticketIds), numbersOf(numbers)));
            flash.addFlashAttribute("notice", ticketCount(linked) + " linked.");
            return "redirect:/incidents/" + id;
        });
    }

    @PostMapping("/incidents/{id}/tickets/{ticketId}/unlink")
    String unlink(@PathVariable long id, @PathVariable long ticketId, RedirectAttributes flash) {
        try {
            tickets.unlink(id, ticketId);
            flash.addFlashAttribute("notice", "Ticket unlinked.");
        } catch (org.firstline.platform.NotFoundException notLinked) {
            store.get(id); // a missing incident stays a 404; a ticket unlinked in another tab is no news
            flash.addFlashAttribute("notice", "The ticket was not linked any more.");
        }
        return "redirect:/incidents/" + id;
    }

    /** "#1001, 1002 1003" as numbers; anything else is refused by name. */
    static List<Long> numbersOf(String text) {
        List<Long> numbers = new ArrayList<>();
        for (String part : text.split("[\\s,;]+")) {
            String n = part.strip().replaceFirst("^#", "");
            if (n.isEmpty()) continue;
            if (!n.matches("\\d{1,18}")) {
                throw new InvalidRequestException(
                        "ticketNumbers", "must be ticket numbers like #1234; \"" + part + "\" is not one");
            }
            numbers.add(Long.parseLong(n));
        }
        return numbers;
    }

    static List<Long> ticketIdsOf(String text) {
        List<Long> ids = new ArrayList<>();
        for (String part : text.split("[\\s,;]+")) {
            if (part.isBlank()) continue;
            if (!part.matches("\\d{1,18}")) throw new InvalidRequestException("ticketIds", "must be ticket ids");
            ids.add(Long.parseLong(part));
        }
        return ids;
    }

    /** A refusal goes back to where the agent was, said at the top of the page. */
    static String refusing(RedirectAttributes flash, String back, Supplier<String> action) {
        try {
            return action.get();
        } catch (InvalidRequestException | ConflictException | org.firstline.platform.NotFoundException e) {
            flash.addFlashAttribute("error", RefusalMessages.of(e));
            return back;
        }
    }

    private static String ticketCount(int count) {
        return count == 1 ? "1 ticket" : count + " tickets";
    }
}
