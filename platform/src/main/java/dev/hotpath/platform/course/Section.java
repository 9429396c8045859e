package dev.hotpath.platform.course;

/** A heading of a page and the anchor that links to it, e.g. {@code #why-keys-explode}. */
public record Section(int level, String title, String anchor) {
}
