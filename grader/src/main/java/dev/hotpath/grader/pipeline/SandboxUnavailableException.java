package dev.hotpath.grader.pipeline;

/**
 * Grading requires the OS sandbox ({@link Sandbox.Mode#REQUIRED}) and this machine has none. Callers
 * recognise it by type, to tell people how to install it or how to opt out.
 */
public final class SandboxUnavailableException extends RuntimeException {

    SandboxUnavailableException(String message) {
        super(message);
    }
}
