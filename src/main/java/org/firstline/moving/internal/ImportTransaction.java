package org.firstline.moving.internal;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One transaction for a whole import: all or nothing. A dry run does the very same work and rolls it back, so what it
 * shows is exactly what a real run creates, refusals included.
 */
@Component
public class ImportTransaction {
    private final TransactionTemplate template;

    ImportTransaction(PlatformTransactionManager transactions) {
        this.template = new TransactionTemplate(transactions);
    }

    public <T> T run(boolean rollBack, Supplier<T> work) {
        T result = template.execute(status -> {
            T done = work.get();
            if (rollBack) status.setRollbackOnly();
            return done;
        });
        if (result == null) throw new IllegalStateException("an import always answers a report");
        return result;
    }
}
