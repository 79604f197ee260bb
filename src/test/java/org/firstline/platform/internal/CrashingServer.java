package org.firstline.platform.internal;

import java.nio.file.Path;

/** Starts an embedded server and waits to be killed, to leave a postmaster behind as a crash does. */
public class CrashingServer {
    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer.start(Path.of(args[0]), false);
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
