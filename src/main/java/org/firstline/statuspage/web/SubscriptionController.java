package org.firstline.statuspage.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.firstline.statuspage.internal.PublicPages;
import org.firstline.statuspage.internal.SubscribeGuard;
import org.firstline.statuspage.internal.SubscriptionDesk;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Subscribing to status updates by mail. Confirm and unsubscribe links show a button first: mail scanners open
 * links, and a GET must not change anything. The unsubscribe URL also takes RFC 8058's one-click POST.
 */
@Controller
class SubscriptionController {
    private final SubscriptionDesk desk;
    private final PublicPages pages;
    private final SubscribeGuard guard;

    SubscriptionController(SubscriptionDesk desk, PublicPages pages, SubscribeGuard guard) {
        this.desk = desk;
        this.pages = pages;
        this.guard = guard;
    }

    @PostMapping("/status/subscribe")
    String subscribe(
            @RequestParam(required = false) @Nullable String email,
            @RequestParam(name = "token", required = false) @Nullable String token,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var answer = desk.subscribe(request, email, token);
        return message(answer, request, response, model, answer.status() != 200);
    }

    @GetMapping("/status/confirm/{token}")
    String confirmButton(@PathVariable String token, Model model, HttpServletResponse response) {
        return button(model, response, "Confirm your subscription", "Confirm subscription", "/status/confirm/" + token);
    }

    @PostMapping("/status/confirm/{token}")
    String confirm(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        var answer = desk.confirm(request, token);
        return message(answer, request, response, model, answer.status() == 404);
    }

    @GetMapping("/status/unsubscribe/{link}")
    String unsubscribeButton(@PathVariable String link, Model model, HttpServletResponse response) {
        return button(model, response, "Unsubscribe from status updates", "Unsubscribe", "/status/unsubscribe/" + link);
    }

    @PostMapping(value = "/status/unsubscribe/{link}", params = "List-Unsubscribe")
    @ResponseBody
    ResponseEntity<String> oneClick(@PathVariable String link, HttpServletRequest request) {
        var answer = desk.unsubscribe(request, link);
        return ResponseEntity.status(answer.status()).body(answer.message());
    }

    @PostMapping("/status/unsubscribe/{link}")
    String unsubscribe(
            @PathVariable String link, HttpServletRequest request, HttpServletResponse response, Model model) {
        var answer = desk.unsubscribe(request, link);
        return message(answer, request, response, model, false);
    }

    private String message(
            SubscriptionDesk.Answer answer,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            boolean offerForm) {
        response.setStatus(answer.status());
        response.setHeader("Cache-Control", "no-store");
        if (answer.status() == 503) response.setHeader("Retry-After", "60");
        model.addAttribute("page", pages.current());
        model.addAttribute("message", answer.message());
        model.addAttribute("failed", answer.status() != 200);
        model.addAttribute("formToken", offerForm ? guard.newToken(request) : null);
        return "statuspage/message";
    }

    private String button(Model model, HttpServletResponse response, String title, String label, String action) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("page", pages.current());
        model.addAttribute("title", title);
        model.addAttribute("label", label);
        model.addAttribute("action", action);
        return "statuspage/confirm";
    }
}
