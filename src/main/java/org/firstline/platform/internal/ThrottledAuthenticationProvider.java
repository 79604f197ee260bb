package org.firstline.platform.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Password sign-in (form and HTTP Basic) with the {@link SignInThrottle} in front of it. */
class ThrottledAuthenticationProvider implements AuthenticationProvider {
    private final AuthenticationProvider delegate;
    private final SignInThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider delegate, SignInThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String key = authentication.getName() + "@" + remoteAddress();
        if (throttle.isBlocked(key)) {
            throw new LockedException("Too many failed sign-ins. Try again in "
                    + SignInThrottle.WINDOW.toMinutes() + " minutes.");
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.succeeded(key);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(key);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return "unknown";
    }
}
