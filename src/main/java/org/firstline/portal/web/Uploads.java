package org.firstline.portal.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.firstline.ticket.NewFile;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/** The files a form carried; an empty file input sends an empty part, which is no file. */
final class Uploads {
    private Uploads() {}

    static List<NewFile> of(@Nullable List<MultipartFile> files) throws IOException {
        var uploads = new ArrayList<NewFile>();
        if (files == null) return uploads;
        for (MultipartFile file : files) {
            if (!file.isEmpty()) uploads.add(new NewFile(file.getOriginalFilename(), file.getBytes()));
        }
        return uploads;
    }
}
