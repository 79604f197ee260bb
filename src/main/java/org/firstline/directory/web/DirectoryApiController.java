package org.firstline.directory.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.firstline.directory.AgentForm;
import org.firstline.directory.AgentService;
import org.firstline.directory.AgentView;
import org.firstline.directory.ContactForm;
import org.firstline.directory.ContactService;
import org.firstline.directory.ContactView;
import org.firstline.directory.TeamForm;
import org.firstline.directory.TeamService;
import org.firstline.directory.TeamView;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Contacts, agents and teams over JSON. Agents and teams are changed by admins only. */
@RestController
@RequestMapping("/api/v1")
class DirectoryApiController {
    private final ContactService contacts;
    private final AgentService agents;
    private final TeamService teams;

    DirectoryApiController(ContactService contacts, AgentService agents, TeamService teams) {
        this.contacts = contacts;
        this.agents = agents;
        this.teams = teams;
    }

    @GetMapping("/contacts")
    Map<String, List<ContactView>> contacts(
            @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "100") int limit) {
        return Map.of("items", contacts.list(organizationId, q, Math.clamp(limit, 1, 500)));
    }

    @GetMapping("/contacts/{id}")
    ContactView contact(@PathVariable long id) {
        return contacts.get(id);
    }

    @PostMapping("/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    ContactView createContact(@Valid @RequestBody ContactForm form) {
        return contacts.create(form);
    }

    @PatchMapping("/contacts/{id}")
    ContactView updateContact(@PathVariable long id, @Valid @RequestBody ContactForm form) {
        return contacts.update(id, form);
    }

    @GetMapping("/agents")
    Map<String, List<AgentView>> agents() {
        return Map.of("items", agents.list());
    }

    @GetMapping("/agents/{id}")
    AgentView agent(@PathVariable long id) {
        return agents.get(id);
    }

    @PostMapping("/agents")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    AgentView createAgent(@Valid @RequestBody AgentForm form) {
        return agents.create(form);
    }

    @PatchMapping("/agents/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    AgentView updateAgent(@PathVariable long id, @Valid @RequestBody AgentForm form) {
        return agents.update(id, form);
    }

    @GetMapping("/teams")
    Map<String, List<TeamView>> teams() {
        return Map.of("items", teams.list());
    }

    @GetMapping("/teams/{id}")
    TeamView team(@PathVariable long id) {
        return teams.get(id);
    }

    @PostMapping("/teams")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    TeamView createTeam(@Valid @RequestBody TeamForm form) {
        return teams.create(form);
    }

    @PatchMapping("/teams/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    TeamView updateTeam(@PathVariable long id, @Valid @RequestBody TeamForm form) {
        return teams.update(id, form);
    }
}
