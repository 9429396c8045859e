package dev.hotpath.grader.pipeline;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Supertypes of the classes a submission touches: its own and the exercise's classes from their
 * class files, the JDK's from the platform class loader (loaded, never initialized). For the classes
 * read from class files it also knows which methods they implement, so a call can be resolved to the
 * code that will run.
 */
final class ClassHierarchy {

    /** A class read from a class file. */
    private record Known(String superName, List<String> interfaces, boolean isInterface, Set<String> implemented) {
    }

    /** The JDK's classes do not change while the grader runs: their supertypes are looked up once. */
    private static final Map<String, List<String>> JDK_SUPERTYPES = new ConcurrentHashMap<>();

    private final Map<String, Known> known = new HashMap<>();
    /** Memo of {@link #ancestors}; cleared when a class is added. */
    private final Map<String, Set<String>> ancestors = new HashMap<>();

    /** Adds a class of the exercise or of the submission. */
    void add(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        Set<String> implemented = new HashSet<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public @Nullable MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                       String[] exceptions) {
                if ((access & Opcodes.ACC_ABSTRACT) == 0) {
                    implemented.add(name + descriptor);
                }
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        ancestors.clear();
        known.put(reader.getClassName(), new Known(reader.getSuperName(), List.of(reader.getInterfaces()),
                (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0, implemented));
    }

    boolean isExercise(String type) {
        return known.containsKey(type);
    }

    /** {@code type} and all its supertypes, nearest first. */
    Set<String> ancestors(String type) {
        Set<String> cached = ancestors.get(type);
        if (cached == null) {
            Set<String> result = new LinkedHashSet<>();
            collect(type, result);
            cached = Collections.unmodifiableSet(result);
            ancestors.put(type, cached);
        }
        return cached;
    }

    /** The exercise's and the submission's classes that are {@code type} or extend or implement it. */
    Set<String> knownSubtypes(String type) {
        Set<String> result = new LinkedHashSet<>();
        for (String candidate : known.keySet()) {
            if (ancestors(candidate).contains(type)) {
                result.add(candidate);
            }
        }
        return result;
    }

    /** Whether {@code type} is a class read from a class file that implements the method itself. */
    boolean implementsItself(String type, String nameAndDescriptor) {
        Known found = known.get(type);
        return found != null && found.implemented().contains(nameAndDescriptor);
    }

    /** The superclass, or null for Object, interfaces and unknown types. */
    @Nullable String superClass(String type) {
        Known found = known.get(type);
        if (found != null) {
            return found.isInterface() ? null : found.superName();
        }
        Class<?> loaded = jdkClass(type);
        return loaded == null || loaded.getSuperclass() == null ? null : loaded.getSuperclass().getName().replace('.', '/');
    }

    boolean isInterface(String type) {
        Known found = known.get(type);
        if (found != null) {
            return found.isInterface();
        }
        Class<?> loaded = jdkClass(type);
        return loaded != null && loaded.isInterface();
    }

    private void collect(String type, Set<String> result) {
        if (!result.add(type)) {
            return;
        }
        for (String supertype : supertypes(type)) {
            collect(supertype, result);
        }
    }

    private List<String> supertypes(String type) {
        Known found = known.get(type);
        if (found != null) {
            List<String> supertypes = new ArrayList<>();
            if (found.superName() != null) {
                supertypes.add(found.superName());
            }
            supertypes.addAll(found.interfaces());
            return supertypes;
        }
        return JDK_SUPERTYPES.computeIfAbsent(type, name -> {
            Class<?> loaded = jdkClass(name);
            if (loaded == null) {
                return List.of();
            }
            List<String> supertypes = new ArrayList<>();
            if (loaded.getSuperclass() != null) {
                supertypes.add(loaded.getSuperclass().getName().replace('.', '/'));
            }
            for (Class<?> implemented : loaded.getInterfaces()) {
                supertypes.add(implemented.getName().replace('.', '/'));
            }
            return List.copyOf(supertypes);
        });
    }

    private static @Nullable Class<?> jdkClass(String type) {
        try {
            return Class.forName(type.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** A copy to which a submission's classes can be added without touching this one. */
    ClassHierarchy copy() {
        ClassHierarchy copy = new ClassHierarchy();
        copy.known.putAll(known);
        return copy;
    }
}
