package org.firstline.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What a request gets while the database cannot be reached: 503 with a Retry-After, as problem+json for the API and
 * a short page for people; never a sign-in prompt, since the credentials were not the problem.
 */
@Component
class DatabaseOutage {
    static final int RETRY_AFTER_SECONDS = 5;
    static final String API_DETAIL =
            "Firstline cannot reach its database just now, so this request was not carried out. Try again in a few seconds.";

    private static final String PAGE = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>Firstline is unavailable</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem">
            <h1>Firstline cannot reach its database</h1>
            <p>Nothing is lost: what was saved before is kept. Firstline is reconnecting; try again in a few seconds.</p>
            <p><a href="">Try again</a></p></body></html>
            """;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DatabaseOutage.class);

    private final ProblemResponses problems;

    DatabaseOutage(ProblemResponses problems) {
        this.problems = problems;
    }

    /** True when the failure is the database being unreachable rather than something about this request. */
    static boolean causedBy(Throwable failure) {
        boolean database = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException) {
                return true;
            }
            // a refused connection is the database's only below a database error, not a mail or HTTP server's
            database |= t instanceof SQLException || t instanceof org.springframework.dao.DataAccessException;
            if (database && t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** Answers a request that failed on the way; the failure is logged, since it says which call met the outage. */
    void answer(HttpServletRequest request, HttpServletResponse response, Throwable failure) throws IOException {
        log.warn(
                "Answering {} {} with 503: the database could not be reached",
                request.getMethod(),
                request.getRequestURI(),
                failure);
        answer(request, response);
    }

    void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        if (ProblemResponses.isApi(request)) {
            problems.unavailable(response);
            return;
        }
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        response.setStatus(503);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
    }
}
