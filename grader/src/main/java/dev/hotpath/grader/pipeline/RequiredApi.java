package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.report.CompileError;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The members of the editable classes that the exercise's fixed code (support, tests, benchmarks)
 * uses: every class it refers to that neither the fixed code nor the JDK and the grader's libraries
 * provide must come from the submission. A submission that drops or changes one of them compiles on
 * its own but cannot be tested, so the grader reports it like a compile error, naming the member.
 */
final class RequiredApi {

    /** A class, method or field of an editable class that fixed code refers to. */
    private record Use(String owner, @Nullable String name, @Nullable String descriptor, boolean isMethod) {
    }

    private final Set<Use> uses;

    private RequiredApi(Set<Use> uses) {
        this.uses = uses;
    }

    /**
     * Collects what the class files under {@code fixedCode} use of classes they do not provide.
     *
     * @param fixed whether a class (internal name) is one of the fixed classes
     */
    static RequiredApi collect(List<Path> fixedCode, Predicate<String> fixed) {
        Map<String, Boolean> fromSubmission = new HashMap<>();
        Predicate<String> editable = type -> fromSubmission.computeIfAbsent(type,
                name -> !name.startsWith("[") && !fixed.test(name) && !provided(name));
        Set<Use> uses = new LinkedHashSet<>();
        for (Path root : fixedCode) {
            for (Path file : classFiles(root)) {
                new ClassReader(read(file)).accept(new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                     String[] exceptions) {
                        return new MethodVisitor(Opcodes.ASM9) {
                            @Override
                            public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                                if (editable.test(owner)) {
                                    uses.add(new Use(owner, method, desc, true));
                                }
                            }

                            @Override
                            public void visitFieldInsn(int opcode, String owner, String field, String desc) {
                                if (editable.test(owner)) {
                                    uses.add(new Use(owner, field, desc, false));
                                }
                            }

                            @Override
                            public void visitTypeInsn(int opcode, String type) {
                                if (editable.test(type)) {
                                    uses.add(new Use(type, null, null, false));
                                }
                            }
                        };
                    }
                }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            }
        }
        return new RequiredApi(uses);
    }

    /** Whether the JDK or the grader's own libraries (JUnit, JMH) have the class. */
    private static boolean provided(String internalName) {
        try {
            Class.forName(internalName.replace('/', '.'), false, RequiredApi.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Checks the compiled submission in {@code classes}.
     *
     * @param editableFiles the exercise's editable files, to say which one a missing member belongs in
     */
    List<CompileError> check(Path classes, List<String> editableFiles) {
        Map<String, Set<String>> members = new HashMap<>();
        for (Path file : classFiles(classes)) {
            ClassReader reader = new ClassReader(read(file));
            Set<String> declared = new HashSet<>();
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public @Nullable MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                           String[] exceptions) {
                    if ((access & Opcodes.ACC_PRIVATE) == 0) {
                        declared.add(name + descriptor);
                    }
                    return null;
                }

                @Override
                public @Nullable FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                    if ((access & Opcodes.ACC_PRIVATE) == 0) {
                        declared.add(name + ":" + descriptor);
                    }
                    return null;
                }
            }, ClassReader.SKIP_CODE);
            members.put(reader.getClassName(), declared);
        }
        List<CompileError> errors = new ArrayList<>();
        for (Use use : uses) {
            Set<String> declared = members.get(use.owner());
            String topLevel = "src/main/java/" + use.owner().split("\\$", -1)[0] + ".java";
            String file = editableFiles.contains(topLevel) ? topLevel : editableFiles.get(0);
            if (declared == null) {
                errors.add(new CompileError(file, 0, 0, "the tests use class " + readable(use.owner())
                        + ", which your code no longer has"));
            } else if (use.name() != null && !declared.contains(use.name() + (use.isMethod() ? "" : ":") + use.descriptor())) {
                errors.add(new CompileError(file, 0, 0, "the tests use " + describe(use)
                        + ", which your code no longer has (or no longer lets them reach)"));
            }
        }
        return errors;
    }

    private static String describe(Use use) {
        String owner = readable(use.owner());
        if (!use.isMethod()) {
            return "field " + owner + "." + use.name();
        }
        String parameters = Arrays.stream(Type.getArgumentTypes(use.descriptor()))
                .map(type -> readable(type.getClassName()))
                .collect(Collectors.joining(", "));
        if ("<init>".equals(use.name())) {
            return "constructor " + owner + "(" + parameters + ")";
        }
        return "method " + readable(Type.getReturnType(use.descriptor()).getClassName()) + " "
                + owner + "." + use.name() + "(" + parameters + ")";
    }

    private static String readable(String className) {
        String dotted = className.replace('/', '.');
        return dotted.substring(dotted.lastIndexOf('.') + 1).replace('$', '.');
    }

    static List<Path> classFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".class")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
