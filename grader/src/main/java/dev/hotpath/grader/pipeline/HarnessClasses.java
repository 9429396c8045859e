package dev.hotpath.grader.pipeline;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exercise's classes a submission may not use: everything but the API the editable code is
 * meant to work with. That API is derived from the exercise itself — the fixed classes the pristine
 * starter refers to, and what those refer to in turn — so the tests, workloads, probes and benchmarks
 * (which the starter never needs) are harness, whatever packages an exercise puts them in.
 */
final class HarnessClasses {

    private static final Pattern CLASS_IN_DESCRIPTOR = Pattern.compile("L([^;<]+)[;<]");

    private HarnessClasses() {
    }

    /** Internal names of the harness classes of {@code exercise}. */
    static Set<String> of(PreparedExercise exercise) throws GradingException, IOException {
        Map<String, Set<String>> fixed = new HashMap<>();
        for (Path root : exercise.classes().all()) {
            for (Path file : RequiredApi.classFiles(root)) {
                byte[] bytes = Files.readAllBytes(file);
                fixed.put(new ClassReader(bytes).getClassName(), references(bytes));
            }
        }
        Set<String> api = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        for (Path file : RequiredApi.classFiles(exercise.starterClasses())) {
            pending.addAll(references(Files.readAllBytes(file)));
        }
        while (!pending.isEmpty()) {
            String type = pending.pop();
            if (fixed.containsKey(type) && api.add(type)) {
                pending.addAll(fixed.get(type));
            }
        }
        Set<String> harness = new HashSet<>(fixed.keySet());
        harness.removeAll(api);
        return harness;
    }

    /** Every class a class file names: supertypes, signatures, instructions. */
    static Set<String> references(byte[] classFile) {
        Set<String> names = new HashSet<>();
        ClassReader reader = new ClassReader(classFile);
        if (reader.getSuperName() != null) {
            names.add(reader.getSuperName());
        }
        names.addAll(Set.of(reader.getInterfaces()));
        MethodVisitor code = new MethodVisitor(Opcodes.ASM9) {
            @Override
            public void visitTypeInsn(int opcode, String type) {
                addType(names, type);
            }

            @Override
            public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                addType(names, owner);
                addDescriptor(names, descriptor);
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
                addType(names, owner);
                addDescriptor(names, descriptor);
            }

            @Override
            public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
                addDescriptor(names, descriptor);
                for (Object argument : arguments) {
                    if (argument instanceof Handle handle) {
                        addType(names, handle.getOwner());
                        addDescriptor(names, handle.getDesc());
                    } else if (argument instanceof Type type) {
                        addDescriptor(names, type.getDescriptor());
                    }
                }
            }

            @Override
            public void visitLdcInsn(Object value) {
                if (value instanceof Type type) {
                    addDescriptor(names, type.getDescriptor());
                }
            }

            @Override
            public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
                addDescriptor(names, descriptor);
            }

            @Override
            public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                if (type != null) {
                    addType(names, type);
                }
            }
        };
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public @Nullable FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                addDescriptor(names, descriptor);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                addDescriptor(names, descriptor);
                return code;
            }
        }, ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
        return names;
    }

    private static void addType(Set<String> names, String type) {
        if (type.startsWith("[")) {
            addDescriptor(names, type);
        } else {
            names.add(type);
        }
    }

    private static void addDescriptor(Set<String> names, String descriptor) {
        Matcher matcher = CLASS_IN_DESCRIPTOR.matcher(descriptor);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
    }
}
