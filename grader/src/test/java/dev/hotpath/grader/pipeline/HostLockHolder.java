package dev.hotpath.grader.pipeline;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Another grader process on the same host, reduced to holding the measurement lock until told to stop. */
public final class HostLockHolder {

    public static void main(String[] args) throws Exception {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]).resolve(HostMeasurementLock.LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var lock = channel.lock()) {
            System.out.println("held");
            System.out.flush();
            System.in.read(); // until the test closes our standard input
        }
    }
}
