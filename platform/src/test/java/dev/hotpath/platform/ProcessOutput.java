package dev.hotpath.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a started process's standard output in the background, for the tests that run the jar as operators do. */
final class ProcessOutput {

    private ProcessOutput() {
    }

    /**
     * Completes with the first line matching {@code pattern} (its first group, if it has one), or fails when the
     * process exits first; the rest of the output is read and dropped, so the process never blocks on it.
     */
    static CompletableFuture<String> awaitLine(Process process, Pattern pattern) {
        CompletableFuture<String> match = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher matcher = pattern.matcher(line);
                    if (matcher.find()) {
                        match.complete(matcher.groupCount() > 0 ? matcher.group(1) : line);
                    }
                }
                match.completeExceptionally(new AssertionError("the process exited without printing " + pattern));
            } catch (IOException e) {
                match.completeExceptionally(e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        return match;
    }
}
