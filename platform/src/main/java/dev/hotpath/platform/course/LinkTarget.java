package dev.hotpath.platform.course;

import java.util.regex.Pattern;

/**
 * Where a link or image in course Markdown points. Authors write links as they work on GitHub
 * ({@code 01-remove-repeated-work.md#why-keys-explode}, {@code img/x.svg}); renderers turn them into
 * their own addresses.
 */
public sealed interface LinkTarget {

    /** A URL with a scheme ({@code https:}, {@code mailto:}) or a host: left alone. */
    record External(String url) implements LinkTarget {
    }

    /** {@code #anchor}: a heading of the same page. */
    record SamePage(String anchor) implements LinkTarget {
    }

    /** {@code NN-name.md} or {@code README.md}, with an optional anchor ("" when absent). */
    record Page(String file, String anchor) implements LinkTarget {
    }

    /** Any other relative path, e.g. {@code img/x.svg}: a file of the lessons folder. */
    record CourseFile(String path) implements LinkTarget {
    }

    Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    static LinkTarget of(String destination) {
        if (SCHEME.matcher(destination).find() || destination.startsWith("//")) {
            return new External(destination);
        }
        if (destination.startsWith("#")) {
            return new SamePage(destination.substring(1));
        }
        int hash = destination.indexOf('#');
        String path = hash < 0 ? destination : destination.substring(0, hash);
        if (path.endsWith(".md")) {
            return new Page(path, hash < 0 ? "" : destination.substring(hash + 1));
        }
        return new CourseFile(path);
    }
}
