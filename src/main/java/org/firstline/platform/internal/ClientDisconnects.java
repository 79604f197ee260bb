package org.firstline.platform.internal;

import java.io.IOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * A browser that closed its connection (a closed form ends its event stream, a phone loses its signal) is the normal
 * end of an answer, not a fault of ours: it is logged at DEBUG, without a stack trace, and nothing more is written.
 * The container reports it in several shapes depending on when it noticed.
 */
final class ClientDisconnects {
    private static final Logger log = LoggerFactory.getLogger(ClientDisconnects.class);

    private ClientDisconnects() {}

    static boolean causedBy(@Nullable Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof AsyncRequestNotUsableException) return true;
            // Tomcat's and Jetty's own types, named rather than imported: the container is not ours to depend on
            String type = t.getClass().getSimpleName();
            if (type.equals("ClientAbortException") || type.equals("EofException")) return true;
            if (t instanceof IOException && t.getMessage() != null) {
                String message = t.getMessage().toLowerCase(Locale.ROOT);
                if (message.contains("broken pipe") || message.contains("connection reset")) return true;
            }
        }
        return false;
    }

    static void log(String path, Throwable e) {
        log.debug("The client went away from {}: {}", path, e.toString());
    }
}
