package org.firstline.moving.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.firstline.moving.OpsgenieExport;
import org.firstline.moving.OpsgenieImport;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.RefusalMessages;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/** The import page: paste or upload Opsgenie's JSON, preview what it makes, then import it. Admins only (/admin). */
@Controller
class ImportAdminController {
    private final OpsgenieImport opsgenie;
    private final ObjectMapper json;

    ImportAdminController(OpsgenieImport opsgenie, ObjectMapper json) {
        this.opsgenie = opsgenie;
        this.json = json;
    }

    @GetMapping("/admin/import")
    String page(Model model) {
        model.addAttribute("tab", "import");
        return "moving/import";
    }

    @PostMapping("/admin/import")
    String run(
            @AuthenticationPrincipal AgentPrincipal admin,
            @RequestParam(required = false) @Nullable String export,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "preview") String action,
            Model model)
            throws IOException {
        String text = file != null && !file.isEmpty()
                ? new String(file.getBytes(), StandardCharsets.UTF_8)
                : export == null ? "" : export;
        model.addAttribute("export", text);
        try {
            if (text.isBlank()) throw new InvalidRequestException("export", "paste or upload Opsgenie's JSON");
            var parsed = json.readValue(text, OpsgenieExport.class);
            boolean dryRun = !"import".equals(action);
            var form = new OpsgenieExport(
                    dryRun,
                    parsed.duty(),
                    parsed.schedules(),
                    parsed.overrides(),
                    parsed.escalations(),
                    parsed.users());
            model.addAttribute("report", opsgenie.run(admin, form));
        } catch (JacksonException e) {
            model.addAttribute("error", "The JSON cannot be read. " + org.firstline.platform.JsonRefusals.of(e));
        } catch (RuntimeException refused) {
            model.addAttribute("error", RefusalMessages.of(refused));
        }
        return page(model);
    }
}
