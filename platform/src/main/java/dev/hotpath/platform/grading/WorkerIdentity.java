package dev.hotpath.platform.grading;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * Who grades: a process on a host. The id is unique per process start, so leases of a dead process are never
 * mistaken for those of the one that replaced it.
 */
public record WorkerIdentity(String id, String host, long pid) {

    /** This process. */
    public static WorkerIdentity current() {
        String host = hostName();
        long pid = ProcessHandle.current().pid();
        return new WorkerIdentity(host + ":" + pid + ":" + UUID.randomUUID().toString().substring(0, 8), host, pid);
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
