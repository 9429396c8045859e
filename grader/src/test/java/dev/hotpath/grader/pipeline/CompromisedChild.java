package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.child.ChildEvent;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A child JVM that has been taken over: it knows the channel token and writes what an attacker
 * would. The parent must reject every one of these payloads. Argument: the attack's name.
 */
public final class CompromisedChild {

    public static void main(String[] args) throws Exception {
        String token = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine();
        OutputStream channel = new FileOutputStream(FileDescriptor.out);
        String prefix = token + " ";
        String test = "[engine:junit-jupiter]/[class:demo.DemoTest]/[method:passes()]";
        switch (args[0]) {
            case "long-line" -> line(channel, prefix + "A".repeat(70_000));
            case "not-base64" -> line(channel, prefix + "{\"event\":\"done\"}");
            case "java-object" -> {
                channel.write(prefix.getBytes(StandardCharsets.US_ASCII));
                channel.write(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5, 0x73, 0x72});
                channel.write('\n');
            }
            case "unknown-event" -> line(channel, prefix + Base64.getEncoder().encodeToString(new byte[] {99}));
            case "truncated" -> {
                byte[] frame = ChildEvent.encode(new ChildEvent.TestStarted(test));
                line(channel, prefix + Base64.getEncoder().encodeToString(Arrays.copyOf(frame, frame.length - 1)));
            }
            case "wrong-kind" -> line(channel, prefix + frame(new ChildEvent.Counted("calls", 1)));
            case "unknown-test" -> {
                line(channel, prefix + frame(new ChildEvent.TestStarted("[engine:junit-jupiter]/[class:demo.Fake]/[method:f()]")));
                line(channel, prefix + frame(new ChildEvent.Done()));
            }
            case "finished-twice" -> {
                line(channel, prefix + frame(new ChildEvent.TestStarted(test)));
                line(channel, prefix + frame(new ChildEvent.TestFinished(test, ChildEvent.TestStatus.SUCCESSFUL, "")));
                line(channel, prefix + frame(new ChildEvent.TestFinished(test, ChildEvent.TestStatus.SUCCESSFUL, "")));
            }
            case "after-done" -> {
                line(channel, prefix + frame(new ChildEvent.Done()));
                line(channel, prefix + frame(new ChildEvent.TestStarted(test)));
            }
            case "no-token" -> {
                line(channel, frame(new ChildEvent.TestStarted(test)));
                line(channel, frame(new ChildEvent.TestFinished(test, ChildEvent.TestStatus.SUCCESSFUL, "")));
                line(channel, frame(new ChildEvent.Done()));
            }
            case "flood" -> {
                byte[] event = (prefix + frame(new ChildEvent.TestSkipped(test, "y".repeat(7_000))) + "\n")
                        .getBytes(StandardCharsets.UTF_8);
                for (long written = 0; written <= 17L << 20; written += event.length) {
                    channel.write(event);
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        channel.flush();
        Runtime.getRuntime().halt(0);
    }

    private static String frame(ChildEvent event) {
        return Base64.getEncoder().encodeToString(ChildEvent.encode(event));
    }

    private static void line(OutputStream channel, String text) throws Exception {
        channel.write((text + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
