package org.firstline.portal.web;

import java.io.IOException;
import java.util.List;
import org.firstline.directory.OrganizationService;
import org.firstline.directory.ServiceView;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.RefusalMessages;
import org.firstline.portal.internal.Customer;
import org.firstline.portal.internal.CustomerWrites;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * A new request from a signed-in customer: the sign-in proved the address, so it is filed at once, with its files,
 * under the organization they choose among theirs (and held for a representative where the organization wants that).
 */
@Controller
class NewRequestController {
    /** An organization to file under, with its services to choose from. */
    record Choice(long id, String name, List<ServiceView> services) {}

    private final CustomerWrites writes;
    private final OrganizationService organizations;

    NewRequestController(CustomerWrites writes, OrganizationService organizations) {
        this.writes = writes;
        this.organizations = organizations;
    }

    @GetMapping("/portal/new")
    String form(@AuthenticationPrincipal Customer customer, Model model) {
        model.addAttribute("choices", choices(customer));
        return "portal/new";
    }

    @PostMapping("/portal/new")
    String file(
            @AuthenticationPrincipal Customer customer,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String body,
            @RequestParam(required = false) @Nullable Long organizationId,
            @RequestParam(required = false) @Nullable Long serviceId,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            Model model)
            throws IOException {
        try {
            var ticket = writes.file(customer, text(subject), text(body), organizationId, serviceId, Uploads.of(files));
            return "redirect:/portal/tickets/" + ticket.number() + "?done=filed";
        } catch (InvalidRequestException e) {
            // the form comes back as it was typed, with the reason; files must be chosen again
            model.addAttribute("error", RefusalMessages.of(e));
            model.addAttribute("subject", text(subject));
            model.addAttribute("body", text(body));
            model.addAttribute("organizationId", organizationId);
            model.addAttribute("choices", choices(customer));
            return "portal/new";
        }
    }

    private List<Choice> choices(Customer customer) {
        return customer.organizations().stream()
                .map(o -> new Choice(o.id(), o.name(), organizations.services(o.id())))
                .toList();
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
