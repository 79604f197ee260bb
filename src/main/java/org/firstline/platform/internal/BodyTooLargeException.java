package org.firstline.platform.internal;

import java.io.IOException;

/** Raised while a body is read, the moment its bytes pass the limit, whatever its Content-Length said. */
class BodyTooLargeException extends IOException {
    BodyTooLargeException(long limit) {
        super("The body is larger than " + limit + " bytes.");
    }
}
