package org.firstline.platform.internal;

import java.util.Objects;
import org.firstline.platform.AgentPrincipal;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
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
        String username = authentication.getName() == null ? "" : authentication.getName();
        String address = remoteAddress();
        long attempt = throttle.attempt(username, address);
        var wait = throttle.waitFor(attempt, username, address);
        if (wait.isPresent()) {
            throttle.forget(attempt);
            throw new SignInThrottledException(wait.get());
        }
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (BadCredentialsException e) {
            throw e; // the attempt stays as a failure
        } catch (RuntimeException e) {
            throttle.forget(attempt); // not a wrong password: a disabled account, or the database
            throw e;
        }
        throttle.succeeded(attempt, username);
        // the session keeps the principal; the password hash has no business there
        if (Objects.requireNonNull(result, "the password check answers or throws")
                        .getPrincipal()
                instanceof AgentPrincipal agent) {
            var withoutPassword = agent.withoutPassword();
            return UsernamePasswordAuthenticationToken.authenticated(
                    withoutPassword, null, withoutPassword.getAuthorities());
        }
        return result;
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
