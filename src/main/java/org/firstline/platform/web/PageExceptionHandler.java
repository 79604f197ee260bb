package org.firstline.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * For pages: a refused form goes back where it came from with the reason shown on top; a missing page is a 404
 * page.
 */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {
    private static final java.util.regex.Pattern FORM_OWNER =
            java.util.regex.Pattern.compile("^(/[a-z-]+/\\d+)(/.*)?$");

    @ExceptionHandler({InvalidRequestException.class, ConflictException.class})
    String refused(RuntimeException e, HttpServletRequest request, RedirectAttributes flash) {
        flash.addFlashAttribute("error", org.firstline.platform.RefusalMessages.of(e));
        flash.addFlashAttribute("submitted", submitted(request));
        return "redirect:" + backTo(request);
    }

    /**
     * What the form sent, so the page can show it again instead of an empty form; kept in the session for the one
     * redirect, never secrets or the form's token.
     */
    private static java.util.Map<String, String> submitted(HttpServletRequest request) {
        var values = new java.util.HashMap<String, String>();
        request.getParameterMap().forEach((name, given) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            boolean secret = lower.contains("password")
                    || lower.contains("secret")
                    || lower.contains("token")
                    || lower.equals("_csrf");
            if (!secret && given.length > 0 && given[0].length() <= 100_000) values.put(name, given[0]);
        });
        return values;
    }

    /**
     * A value PostgreSQL refuses (out of range, a character it cannot store) goes back to the form as a message; any
     * other refusal of the database is a fault of ours, left to the error page and the log.
     */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    String unstorable(
            org.springframework.dao.DataIntegrityViolationException e,
            HttpServletRequest request,
            RedirectAttributes flash) {
        if (!(e.getMostSpecificCause() instanceof java.sql.SQLException sql)
                || sql.getSQLState() == null
                || !sql.getSQLState().startsWith("22")) {
            throw e;
        }
        flash.addFlashAttribute("error", "A value in the form is out of range or cannot be stored.");
        return "redirect:" + backTo(request);
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, Model model, HttpServletResponse response) {
        response.setStatus(404);
        model.addAttribute("message", e.getMessage());
        return "error-page";
    }

    @ExceptionHandler(AccessDeniedException.class)
    String forbidden(AccessDeniedException e, Model model, HttpServletResponse response) {
        response.setStatus(403);
        model.addAttribute(
                "message",
                "Your role does not allow this: read-only agents can look but not change, and admin "
                        + "pages need an admin. Ask an admin to change your role if you need it.");
        return "error-page";
    }

    /** Only ever back to a page of ours, never to a host named in a header. */
    private static String backTo(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        String origin = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        if (referer != null) {
            String path = referer.replaceFirst("^https?://[^/]+", "");
            if (path.startsWith("/")
                    && !path.startsWith("//")
                    && (referer.startsWith(origin) || referer.contains("://" + request.getServerName()))) {
                return path;
            }
        }
        // no usable referrer: the page the form belongs to, e.g. /tickets/12 for /tickets/12/properties
        var owner = FORM_OWNER.matcher(request.getRequestURI());
        return owner.matches() ? owner.group(1) : "/";
    }
}
