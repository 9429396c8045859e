package dev.hotpath.grader.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Another grader process on the same host, as far as sandbox users go: takes {@code count} users
 * from the directory given, prints them, and holds them until its standard input closes.
 */
public final class SandboxUidHolder {

    public static void main(String[] args) throws Exception {
        SandboxUids uids = new SandboxUids(java.nio.file.Path.of(args[0]));
        List<SandboxUids.Lease> held = new ArrayList<>();
        for (int i = 0; i < Integer.parseInt(args[1]); i++) {
            held.add(uids.take());
        }
        System.out.println("holding " + held.size());
        System.out.flush();
        while (System.in.read() >= 0) {
            // Hold until the test lets go.
        }
        held.forEach(SandboxUids.Lease::close);
    }
}
