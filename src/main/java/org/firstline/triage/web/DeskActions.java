package org.firstline.triage.web;

import java.util.function.Supplier;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;

/** Answers the desk's keyboard actions: 204 when done, else the status and the reason as text to show on the desk. */
final class DeskActions {
    private DeskActions() {}

    static ResponseEntity<String> run(Runnable action) {
        return answer(() -> {
            action.run();
            return null;
        });
    }

    static ResponseEntity<String> answer(Supplier<String> action) {
        try {
            String text = action.get();
            return text == null ? ResponseEntity.noContent().build() : text(HttpStatus.OK, text);
        } catch (ConflictException e) {
            return text(HttpStatus.CONFLICT, e.getMessage());
        } catch (InvalidRequestException e) {
            return text(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (NotFoundException e) {
            return text(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (AccessDeniedException e) {
            return text(HttpStatus.FORBIDDEN, e.getMessage());
        }
    }

    private static ResponseEntity<String> text(HttpStatus status, @Nullable String message) {
        return ResponseEntity.status(status)
                .contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .body(message);
    }
}
