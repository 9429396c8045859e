package dev.hotpath.platform.grading;

/** Stops the updates of {@link GradingService#follow}; closing twice is harmless. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
