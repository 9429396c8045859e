package dev.hotpath.grader.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One flame graph as a static SVG picture, for places where no script runs: the lessons' figures
 * and files a learner attaches to a question. Same layout and colours as flamegraph.js (root at the
 * bottom, callees on their callers); each frame's tooltip gives its share.
 */
public final class FlameSvg {

    static final int WIDTH = 960;
    static final int ROW = 17;
    /** Frames narrower than this many pixels are left out, with their callees. */
    static final double MIN_PIXELS = 0.5;
    private static final double CHAR_PIXELS = 6.6;

    private FlameSvg() {
    }

    private static final class Node {
        final String name;
        final Map<String, Node> children = new LinkedHashMap<>();
        long value;

        Node(String name) {
            this.name = name;
        }
    }

    /**
     * The flame graph as an SVG document.
     *
     * @param yourClasses classes compiled from the learner's files, drawn in their own colour
     */
    public static String svg(FlameGraph graph, String title, Set<String> yourClasses) {
        Node root = new Node("all");
        int depth = 0;
        for (FlameGraph.Stack stack : graph.stacks()) {
            root.value += stack.weight();
            Node node = root;
            for (int index : stack.path()) {
                node = node.children.computeIfAbsent(graph.frames().get(index), Node::new);
                node.value += stack.weight();
            }
            depth = Math.max(depth, stack.path().size());
        }
        int top = 24;
        int height = top + (depth + 1) * ROW + 4;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"monospace\" font-size=\"11\" role=\"img\" aria-label=\"%s\">%n",
                WIDTH, height, WIDTH, height, escape(title)));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"15\" font-size=\"13\" font-family=\"sans-serif\""
                + " font-weight=\"bold\">%s</text>%n", escape(title)));
        if (root.value == 0) {
            svg.append("<text x=\"4\" y=\"").append(top + 14).append("\">no samples in the exercise's code</text>\n");
        } else {
            draw(svg, root, 0, WIDTH, 0, depth, top, graph, yourClasses);
        }
        return svg.append("</svg>\n").toString();
    }

    private static void draw(StringBuilder svg, Node node, double x, double width, int level, int depth, int top,
                             FlameGraph graph, Set<String> yourClasses) {
        double y = top + (depth - level) * ROW;
        double share = graph.drawn() == 0 ? 0 : (double) node.value / graph.drawn();
        svg.append(String.format(Locale.ROOT, "<g><title>%s — %.1f%% (%,d %s)</title><rect x=\"%.1f\" y=\"%.1f\""
                        + " width=\"%.1f\" height=\"%d\" rx=\"2\" fill=\"%s\" stroke=\"#ffffff\"/>",
                escape(node.name), 100 * share, node.value, graph.view().unit(), x, y, width, ROW - 1,
                colour(node.name, yourClasses)));
        String label = label(node.name, width);
        if (!label.isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>", x + 3, y + 12, escape(label)));
        }
        svg.append("</g>\n");
        double offset = x;
        for (Node child : node.children.values()) {
            double childWidth = width * child.value / node.value;
            if (childWidth >= MIN_PIXELS) {
                draw(svg, child, offset, childWidth, level + 1, depth, top, graph, yourClasses);
            }
            offset += childWidth;
        }
    }

    /** The class and method, cut to what fits; nothing when not even a few letters fit. */
    static String label(String name, double width) {
        String text = shortName(name);
        int fits = (int) ((width - 6) / CHAR_PIXELS);
        if (fits < 4) {
            return "";
        }
        return text.length() <= fits ? text : text.substring(0, fits - 1) + "…";
    }

    /** {@code dev.hotpath.cachekey.origin.Origin.render} → {@code Origin.render}, as the script shows it. */
    static String shortName(String name) {
        if (name.startsWith("[") || name.startsWith("(") || name.startsWith("new ")) {
            return name;
        }
        String[] parts = name.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            if (!parts[i].isEmpty() && Character.isUpperCase(parts[i].charAt(0))) {
                return String.join(".", List.of(parts).subList(i, parts.length));
            }
        }
        return name;
    }

    private static String colour(String name, Set<String> yourClasses) {
        if (name.startsWith("[") || name.startsWith("new ")) {
            return "#b9a5d6";
        }
        if (name.equals("all")) {
            return "#c8c8c8";
        }
        String owner = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        if (yourClasses.contains(owner) || yourClasses.contains(owner.split("\\$", -1)[0])) {
            return "#f2a65a";
        }
        return name.matches("^(java|javax|jdk|sun|com\\.sun)\\..*") ? "#8fc1e3" : "#e8d36a";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
