package org.firstline.portal.web;

import java.util.List;
import org.firstline.incident.PublicIncident;
import org.firstline.incident.StatusBoard;
import org.firstline.platform.MarkdownRenderer;
import org.firstline.portal.internal.Customer;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every portal page shows around its content: who is signed in, and the open incidents (from memory). */
// only the portal's pages: an advice's selectors are alternatives, so a package and an annotation together would
// reach every controller of the application
@ControllerAdvice(
        assignableTypes = {
            PortalTicketsController.class,
            NewRequestController.class,
            RepresentativeController.class,
            PortalSignInController.class
        })
class PortalModel {
    /** An open incident for the banner: its latest public update already rendered and sanitized. */
    record BannerIncident(
            String title, String status, @Nullable String updateHtml) {}

    private final StatusBoard board;
    private final MarkdownRenderer markdown;

    PortalModel(StatusBoard board, MarkdownRenderer markdown) {
        this.board = board;
        this.markdown = markdown;
    }

    @ModelAttribute("customer")
    @Nullable
    Customer customer() {
        return current();
    }

    @ModelAttribute("incidents")
    List<BannerIncident> incidents() {
        return board.current().unresolved().stream().map(this::banner).toList();
    }

    private BannerIncident banner(PublicIncident incident) {
        var latest = incident.latest();
        return new BannerIncident(
                incident.title(), incident.status().apiValue(), latest == null ? null : markdown.html(latest.body()));
    }

    static @Nullable Customer current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Customer customer ? customer : null;
    }
}
