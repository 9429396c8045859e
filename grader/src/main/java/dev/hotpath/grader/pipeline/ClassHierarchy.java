package dev.hotpath.grader.pipeline;

import org.objectweb.asm.ClassReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Supertypes of the classes a submission touches: its own and the exercise's classes from their
 * class files, the JDK's from the platform class loader (loaded, never initialized).
 */
final class ClassHierarchy {

    private final Map<String, List<String>> exerciseSupertypes = new HashMap<>();

    /** Adds a class of the exercise or of the submission. */
    void add(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        List<String> supertypes = new ArrayList<>();
        if (reader.getSuperName() != null) {
            supertypes.add(reader.getSuperName());
        }
        supertypes.addAll(List.of(reader.getInterfaces()));
        exerciseSupertypes.put(reader.getClassName(), supertypes);
    }

    boolean isExercise(String type) {
        return exerciseSupertypes.containsKey(type);
    }

    /** {@code type} and all its supertypes, nearest first. */
    Set<String> ancestors(String type) {
        Set<String> result = new LinkedHashSet<>();
        collect(type, result);
        return result;
    }

    private void collect(String type, Set<String> result) {
        if (!result.add(type)) {
            return;
        }
        List<String> supertypes = exerciseSupertypes.get(type);
        if (supertypes == null) {
            supertypes = jdkSupertypes(type);
        }
        for (String supertype : supertypes) {
            collect(supertype, result);
        }
    }

    private static List<String> jdkSupertypes(String type) {
        try {
            Class<?> loaded = Class.forName(type.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
            List<String> supertypes = new ArrayList<>();
            if (loaded.getSuperclass() != null) {
                supertypes.add(loaded.getSuperclass().getName().replace('.', '/'));
            }
            for (Class<?> implemented : loaded.getInterfaces()) {
                supertypes.add(implemented.getName().replace('.', '/'));
            }
            return supertypes;
        } catch (ClassNotFoundException | LinkageError e) {
            return List.of();
        }
    }

    /** A copy to which a submission's classes can be added without touching this one. */
    ClassHierarchy copy() {
        ClassHierarchy copy = new ClassHierarchy();
        copy.exerciseSupertypes.putAll(exerciseSupertypes);
        return copy;
    }
}
