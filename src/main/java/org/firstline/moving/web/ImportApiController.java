package org.firstline.moving.web;

import org.firstline.moving.ImportReport;
import org.firstline.moving.OpsgenieExport;
import org.firstline.moving.OpsgenieImport;
import org.firstline.platform.AgentPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Imports from other on-call tools; admins only, since it creates rotas and policies for everyone. */
@RestController
@RequestMapping("/api/v1/imports")
class ImportApiController {
    private final OpsgenieImport opsgenie;

    ImportApiController(OpsgenieImport opsgenie) {
        this.opsgenie = opsgenie;
    }

    @PostMapping("/opsgenie")
    @PreAuthorize("hasRole('ADMIN')")
    ImportReport opsgenie(@AuthenticationPrincipal AgentPrincipal admin, @RequestBody OpsgenieExport export) {
        return opsgenie.run(admin, export);
    }
}
