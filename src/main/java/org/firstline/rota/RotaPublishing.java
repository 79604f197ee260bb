package org.firstline.rota;

import java.sql.Timestamp;
import java.util.List;
import org.firstline.rota.internal.RotaReferences;
import org.firstline.rota.internal.RotaWarnings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publishing a rotation: its gaps and clashes are shown first, and publishing past them takes a confirmation. */
@Service
public class RotaPublishing {
    private final JdbcClient jdbc;
    private final Rotations rotations;
    private final RotaWarnings warnings;
    private final RotaReferences refs;

    RotaPublishing(JdbcClient jdbc, Rotations rotations, RotaWarnings warnings, RotaReferences refs) {
        this.jdbc = jdbc;
        this.rotations = rotations;
        this.warnings = warnings;
        this.refs = refs;
    }

    public List<RotaWarning> warnings(long rotationId) {
        return warnings.of(rotations.get(rotationId));
    }

    /** Publishes when there is nothing to warn of, or when the person saw the warnings and confirmed. */
    @Transactional
    public PublishOutcome publish(long rotationId, boolean confirmed) {
        var rotation = rotations.get(rotationId);
        var found = warnings.of(rotation);
        boolean blocking =
                found.stream().anyMatch(w -> w.kind() == RotaWarning.Kind.GAP || w.kind() == RotaWarning.Kind.CLASH);
        if (blocking && !confirmed) return new PublishOutcome(rotation.published(), found);
        if (!rotation.published()) {
            refs.stampAudit();
            jdbc.sql("update rotation set published_at = ? where id = ?")
                    .params(Timestamp.from(refs.now()), rotationId)
                    .update();
        }
        return new PublishOutcome(true, found);
    }

    /** Back to draft: nobody is on it until it is published again. */
    @Transactional
    public void unpublish(long rotationId) {
        rotations.get(rotationId);
        refs.stampAudit();
        jdbc.sql("update rotation set published_at = null where id = ?")
                .param(rotationId)
                .update();
    }
}
