package org.firstline.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.LinkTokens;
import org.firstline.platform.MailUnavailableException;
import org.firstline.platform.RefusalMessages;
import org.firstline.portal.internal.Customer;
import org.firstline.portal.internal.PortalSessions;
import org.firstline.portal.internal.SignInLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in: the person gives their address and gets a link by mail, which signs them in when opened in this same
 * browser (which is why the page first gives the browser a secret cookie of its own). Opening the link signs in at
 * once: a mail scanner opening it elsewhere lacks the cookie, and is refused without using it up.
 */
@Controller
class PortalSignInController {
    private static final Duration BROWSER_COOKIE_AGE = Duration.ofDays(30);
    // the session itself lapses sooner, on the server; the cookie only has to outlive it
    private static final Duration SESSION_COOKIE_AGE = Duration.ofDays(30);

    private final SignInLinks links;
    private final PortalSessions sessions;

    PortalSignInController(SignInLinks links, PortalSessions sessions) {
        this.links = links;
        this.sessions = sessions;
    }

    @GetMapping("/portal/sign-in")
    String form(HttpServletRequest request, HttpServletResponse response, Model model) {
        browserSecret(request, response);
        if (PortalModel.current() != null) return "redirect:/portal";
        if (request.getParameter("signedOut") != null) model.addAttribute("notice", "You are signed out.");
        if (request.getParameter("expired") != null) {
            model.addAttribute("error", "That page had expired, so nothing was done. Please sign in again.");
        }
        return "portal/sign-in";
    }

    @PostMapping("/portal/sign-in")
    String ask(
            @RequestParam(required = false) @Nullable String email,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("email", email == null ? "" : email);
        try {
            var delivery =
                    links.ask(email == null ? "" : email, browserSecret(request, response), request.getRemoteAddr());
            model.addAttribute("sent", delivery);
            model.addAttribute("minutes", SignInLinks.VALID_FOR.toMinutes());
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            model.addAttribute("error", RefusalMessages.of(e));
        } catch (MailUnavailableException e) {
            response.setStatus(503);
            model.addAttribute(
                    "error",
                    "We cannot send you a sign-in link right now: no mailbox is set up to send it. Please try again"
                            + " later, or write to us by email.");
        }
        return "portal/sign-in";
    }

    @GetMapping("/portal/sign-in/{token}")
    String open(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        var redeemed = links.redeem(token, PortalCookies.read(request, PortalCookies.BROWSER));
        Long contactId = redeemed.contactId();
        if (contactId == null && PortalModel.current() != null) return "redirect:/portal";
        if (contactId == null) {
            browserSecret(request, response);
            var refusal = redeemed.refusal() == null ? SignInLinks.Refusal.UNKNOWN : redeemed.refusal();
            model.addAttribute(
                    "error",
                    switch (refusal) {
                        case USED -> "This sign-in link has been used already. Ask for a new one below.";
                        case EXPIRED -> "This sign-in link has expired. Ask for a new one below.";
                        case OTHER_BROWSER ->
                            "This sign-in link was asked for in another browser: open it there, or ask for a new one here.";
                        case UNKNOWN -> "This sign-in link is not valid. It may have been mistyped.";
                    });
            response.setStatus(refusal == SignInLinks.Refusal.UNKNOWN ? 404 : 410);
            return "portal/sign-in";
        }
        Customer previous = PortalModel.current();
        if (previous != null) sessions.end(previous.sessionId());
        PortalCookies.write(request, response, PortalCookies.SESSION, sessions.open(contactId), SESSION_COOKIE_AGE);
        return "redirect:/portal";
    }

    @PostMapping("/portal/sign-out")
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        Customer customer = PortalModel.current();
        if (customer != null) sessions.end(customer.sessionId());
        PortalCookies.clear(request, response, PortalCookies.SESSION);
        return "redirect:/portal/sign-in?signedOut";
    }

    /** The browser's own secret, made on its first visit to the sign-in page and kept for a month. */
    static String browserSecret(HttpServletRequest request, HttpServletResponse response) {
        String secret = PortalCookies.read(request, PortalCookies.BROWSER);
        if (secret == null || secret.length() < 40 || secret.length() > 64) {
            secret = LinkTokens.token();
            PortalCookies.write(request, response, PortalCookies.BROWSER, secret, BROWSER_COOKIE_AGE);
        }
        return secret;
    }
}
