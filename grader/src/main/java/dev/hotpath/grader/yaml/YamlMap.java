package dev.hotpath.grader.yaml;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A YAML mapping read field by field. Every error names the source, the line, the field's path and
 * the reason, so authors can fix a file without guessing.
 */
public final class YamlMap {

    private final String source;
    private final int lineOffset;
    private final String path;
    private final Node node;
    private final Map<String, NodeTuple> entries;

    private YamlMap(String source, int lineOffset, String path, MappingNode node) throws YamlException {
        this.source = source;
        this.lineOffset = lineOffset;
        this.path = path;
        this.node = node;
        this.entries = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw error(tuple.getKeyNode(), path, "keys must be plain names");
            }
            if (entries.put(key.getValue(), tuple) != null) {
                throw error(key, child(key.getValue()), "appears twice");
            }
        }
    }

    /**
     * Parses a document whose top level must be a mapping.
     *
     * @param source     what to call the document in errors, e.g. {@code exercises/x/exercise.yaml}
     * @param text       the YAML text
     * @param lineOffset added to line numbers, for YAML embedded in a larger file
     */
    public static YamlMap parse(String source, String text, int lineOffset) throws YamlException {
        Optional<Node> root;
        try {
            root = new Compose(LoadSettings.builder().setLabel(source).build()).composeString(text);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(mark -> mark.getLine() + 1 + lineOffset).orElse(0);
            throw new YamlException(source, line, "", "not valid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new YamlException(source, 0, "", "not valid YAML: " + e.getMessage());
        }
        if (root.isEmpty()) {
            throw new YamlException(source, 0, "", "is empty");
        }
        if (!(root.get() instanceof MappingNode mapping)) {
            throw new YamlException(source, line(root.get(), lineOffset), "", "must be a mapping of keys to values");
        }
        return new YamlMap(source, lineOffset, "", mapping);
    }

    public static YamlMap parse(String source, String text) throws YamlException {
        return parse(source, text, 0);
    }

    /** Fails on any key not in {@code allowed}; call it first so typos are reported as typos. */
    public YamlMap allowOnly(Collection<String> allowed) throws YamlException {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                throw error(entry.getValue().getKeyNode(), child(entry.getKey()),
                        "unknown key (allowed here: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
        return this;
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public String string(String key) throws YamlException {
        return scalar(key, required(key)).strip();
    }

    public Optional<String> optionalString(String key) throws YamlException {
        return has(key) ? Optional.of(string(key)) : Optional.empty();
    }

    public String nonBlankString(String key) throws YamlException {
        String value = string(key);
        if (value.isEmpty()) {
            throw error(key, "must not be empty");
        }
        return value;
    }

    public int integer(String key, int defaultValue, int min, int max) throws YamlException {
        if (!has(key)) {
            return defaultValue;
        }
        String text = string(key);
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw error(key, "expected a whole number, got \"" + text + "\"");
        }
        if (value < min || value > max) {
            throw error(key, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    public double number(String key) throws YamlException {
        String text = string(key);
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw error(key, "expected a number, got \"" + text + "\"");
        }
    }

    /** A value that must be one of {@code choices}. */
    public String choice(String key, List<String> choices) throws YamlException {
        String value = string(key);
        if (!choices.contains(value)) {
            throw error(key, "expected one of " + choices + ", got \"" + value + "\"");
        }
        return value;
    }

    /** A list of strings; a single string is accepted as a one-element list. */
    public List<String> strings(String key) throws YamlException {
        Node value = required(key);
        if (value instanceof ScalarNode) {
            return List.of(scalar(key, value).strip());
        }
        if (!(value instanceof SequenceNode sequence)) {
            throw error(value, child(key), "expected a list of strings");
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            result.add(scalar(key + "[" + i + "]", sequence.getValue().get(i)).strip());
        }
        return result;
    }

    public Optional<YamlMap> optionalMap(String key) throws YamlException {
        if (!has(key)) {
            return Optional.empty();
        }
        Node value = required(key);
        if (!(value instanceof MappingNode mapping)) {
            throw error(value, child(key), "expected a mapping of keys to values");
        }
        return Optional.of(new YamlMap(source, lineOffset, child(key), mapping));
    }

    /** A list of mappings, e.g. {@code metrics:} entries. */
    public List<YamlMap> maps(String key) throws YamlException {
        Node value = required(key);
        if (!(value instanceof SequenceNode sequence)) {
            throw error(value, child(key), "expected a list");
        }
        List<YamlMap> result = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Node item = sequence.getValue().get(i);
            String itemPath = child(key) + "[" + i + "]";
            if (!(item instanceof MappingNode mapping)) {
                throw error(item, itemPath, "expected a mapping of keys to values");
            }
            result.add(new YamlMap(source, lineOffset, itemPath, mapping));
        }
        return result;
    }

    /** An error about the value of {@code key} (or about this mapping when the key is absent). */
    public YamlException error(String key, String reason) {
        NodeTuple tuple = entries.get(key);
        return error(tuple == null ? node : tuple.getValueNode(), child(key), reason);
    }

    /** The 1-based line where {@code key}'s value starts, or this mapping's line. */
    public int line(String key) {
        NodeTuple tuple = entries.get(key);
        return line(tuple == null ? node : tuple.getValueNode(), lineOffset);
    }

    private Node required(String key) throws YamlException {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            throw error(node, child(key), "is missing");
        }
        return tuple.getValueNode();
    }

    private String scalar(String key, Node value) throws YamlException {
        if (!(value instanceof ScalarNode scalar)) {
            throw error(value, child(key), "expected a single value, not a list or mapping");
        }
        return scalar.getValue();
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private YamlException error(Node at, String field, String reason) {
        return new YamlException(source, line(at, lineOffset), field, reason);
    }

    private static int line(Node node, int lineOffset) {
        return node.getStartMark().map(mark -> mark.getLine() + 1 + lineOffset).orElse(0);
    }
}
