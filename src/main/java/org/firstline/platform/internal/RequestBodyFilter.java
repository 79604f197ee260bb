package org.firstline.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.firstline.platform.FirstlineSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits bodies by the bytes actually read, not by what Content-Length claims (a chunked body has none). A JSON body
 * is read here up to its limit and must be well-formed UTF-8: an overlong or surrogate encoding is refused rather
 * than decoded to something else. Other bodies are counted as they are read; multipart uploads are counted by the
 * container against the attachment limit. Runs after authentication, so only a caller who signed in makes it read.
 */
@Component
// after Spring Security (-100): nobody unauthenticated gets a body of theirs held in memory
@Order(-90)
class RequestBodyFilter extends OncePerRequestFilter {
    private final long maxJsonBytes;
    private final long maxOtherBytes;
    private final ProblemResponses problems;

    RequestBodyFilter(
            @Value("${firstline.api.max-json-bytes:1048576}") long maxJsonBytes,
            FirstlineSettings settings,
            ProblemResponses problems) {
        this.maxJsonBytes = maxJsonBytes;
        this.maxOtherBytes = Math.max(maxJsonBytes, settings.attachmentMaxBytes() + 1024 * 1024);
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded")) {
            chain.doFilter(request, response);
        } else if (type.contains("json")) {
            readJson(request, response, chain);
        } else {
            chain.doFilter(
                    new Body(request, new LimitedInputStream(request.getInputStream(), maxOtherBytes)), response);
        }
    }

    private void readJson(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > maxJsonBytes) {
            tooLarge(response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxJsonBytes + 1));
        if (body.length > maxJsonBytes) {
            tooLarge(response);
            return;
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            problems.write(response, 400, "Bad Request", "The body is not well-formed UTF-8.");
            return;
        }
        chain.doFilter(new Body(request, new ByteArrayInputStream(body)), response);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        problems.write(
                response, 413, "Content Too Large", "The body is larger than the limit of " + maxJsonBytes + " bytes.");
    }

    /** The request with its body read from the given stream. */
    private static final class Body extends HttpServletRequestWrapper {
        private final InputStream body;

        Body(HttpServletRequest request, InputStream body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return body.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return body.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    try {
                        return body.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("bodies are read blocking");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    body, encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }
    }

    /** Counts what is read and stops at the limit. */
    private static final class LimitedInputStream extends InputStream {
        private final InputStream in;
        private final long limit;
        private long read;

        LimitedInputStream(InputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) throw new BodyTooLargeException(limit);
        }
    }
}
