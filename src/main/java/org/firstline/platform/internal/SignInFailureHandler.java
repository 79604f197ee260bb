package org.firstline.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/** Sends the sign-in form back with the reason: wrong credentials or too many attempts; a database outage is a 503. */
class SignInFailureHandler implements AuthenticationFailureHandler {
    private final DatabaseOutage outage;

    SignInFailureHandler(DatabaseOutage outage) {
        this.outage = outage;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (DatabaseOutage.causedBy(e)) {
            outage.answer(request, response, e);
            return;
        }
        response.sendRedirect(request.getContextPath()
                + (e instanceof SignInThrottledException ? "/login?throttled" : "/login?error"));
    }
}
