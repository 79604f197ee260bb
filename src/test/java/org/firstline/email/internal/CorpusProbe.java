package org.firstline.email.internal;

import java.nio.file.*;
import java.util.stream.*;

public class CorpusProbe {
    public static void main(String[] args) throws Exception {
        try (Stream<Path> files = Files.walk(Path.of(args[0]))) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                if (p.getFileName().toString().equals("LICENSE")) continue;
                byte[] raw = Files.readAllBytes(p);
                long t = System.nanoTime();
                try {
                    ParsedMail m = MailParser.parse(raw);
                    String text = m.text().replace("\n", "⏎");
                    System.out.printf("OK   %-60s %4dms from=%s subj=[%s] att=%d auto=%s bounce=%s text=[%s]%n", Path.of(args[0]).relativize(p), (System.nanoTime()-t)/1000000,
                        m.fromAddress(), m.subject(), m.attachments().size(), m.automatic(), m.bounce(), text.substring(0, Math.min(80, text.length())));
                } catch (MalformedMailException e) {
                    System.out.printf("BAD  %-60s %s%n", p, e.getMessage());
                }
            }
        }
    }
}
