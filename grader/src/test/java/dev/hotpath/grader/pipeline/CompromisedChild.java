package dev.hotpath.grader.pipeline;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

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
            case "long-line" -> line(channel, prefix + "{\"event\":\"started\",\"id\":\"" + "x".repeat(70_000) + "\"}");
            case "not-json" -> line(channel, prefix + "{\"event\":\"finished\",\"id\":");
            case "java-object" -> {
                channel.write(prefix.getBytes(StandardCharsets.US_ASCII));
                channel.write(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5, 0x73, 0x72});
                channel.write('\n');
            }
            case "unknown-event" -> line(channel, prefix + "{\"event\":\"verdict\",\"value\":\"PASS\"}");
            case "unknown-test" -> {
                line(channel, prefix + "{\"event\":\"started\",\"id\":\"[engine:junit-jupiter]/[class:demo.Fake]/[method:f()]\"}");
                line(channel, prefix + "{\"event\":\"done\"}");
            }
            case "finished-twice" -> {
                line(channel, prefix + "{\"event\":\"started\",\"id\":\"" + test + "\"}");
                line(channel, prefix + "{\"event\":\"finished\",\"id\":\"" + test + "\",\"status\":\"SUCCESSFUL\",\"message\":\"\"}");
                line(channel, prefix + "{\"event\":\"finished\",\"id\":\"" + test + "\",\"status\":\"SUCCESSFUL\",\"message\":\"\"}");
            }
            case "after-done" -> {
                line(channel, prefix + "{\"event\":\"done\"}");
                line(channel, prefix + "{\"event\":\"started\",\"id\":\"" + test + "\"}");
            }
            case "no-token" -> {
                line(channel, "{\"event\":\"started\",\"id\":\"" + test + "\"}");
                line(channel, "{\"event\":\"finished\",\"id\":\"" + test + "\",\"status\":\"SUCCESSFUL\",\"message\":\"\"}");
                line(channel, "{\"event\":\"done\"}");
            }
            case "flood" -> {
                byte[] event = (prefix + "{\"event\":\"skipped\",\"id\":\"" + test + "\",\"reason\":\"" + "y".repeat(60_000)
                        + "\"}\n").getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 400; i++) {
                    channel.write(event);
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        channel.flush();
        Runtime.getRuntime().halt(0);
    }

    private static void line(OutputStream channel, String text) throws Exception {
        channel.write((text + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
