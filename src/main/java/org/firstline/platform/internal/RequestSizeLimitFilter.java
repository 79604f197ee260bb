package org.firstline.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses JSON bodies over the limit before anything reads them (413 Content Too Large, as problem+json).
 * Multipart uploads have their own limit, the attachment size.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {
    private final long maxJsonBytes;
    private final ProblemResponses problems;

    RequestSizeLimitFilter(@Value("${firstline.api.max-json-bytes:1048576}") long maxJsonBytes, ProblemResponses problems) {
        this.maxJsonBytes = maxJsonBytes;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase().contains("json") && request.getContentLengthLong() > maxJsonBytes) {
            problems.write(response, 413, "Content Too Large",
                    "The body is " + request.getContentLengthLong() + " bytes; the limit is " + maxJsonBytes + " bytes.");
            return;
        }
        chain.doFilter(request, response);
    }
}
