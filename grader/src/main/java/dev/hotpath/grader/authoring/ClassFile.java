package dev.hotpath.grader.authoring;

import org.jspecify.annotations.Nullable;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the checks need of a compiled class, read from its bytes without loading it (the exercise's
 * classes may need what the grader's JVM does not have).
 *
 * @param name       binary name with dots, e.g. {@code dev.x.Outer$Inner}
 * @param superName  binary name of the superclass
 * @param interfaces binary names of the interfaces it declares itself
 */
record ClassFile(String name, int access, String superName, List<String> interfaces, List<Method> methods) {

    /** A declared method and the descriptors of its annotations, e.g. {@code Lorg/junit/jupiter/api/Test;}. */
    record Method(String name, String descriptor, int access, Set<String> annotations) {

        boolean isPublic() {
            return (access & Opcodes.ACC_PUBLIC) != 0;
        }
    }

    boolean isPublic() {
        return (access & Opcodes.ACC_PUBLIC) != 0;
    }

    boolean isAbstract() {
        return (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_INTERFACE)) != 0;
    }

    /** The part after the last dot: how traps and hints name test classes. */
    String simpleName() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    Optional<Method> method(String methodName, String descriptor) {
        return methods.stream().filter(m -> m.name().equals(methodName) && m.descriptor().equals(descriptor)).findFirst();
    }

    /** Every class under {@code root} (a classes directory); empty when it does not exist. */
    static List<ClassFile> readAll(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            List<ClassFile> classes = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    classes.add(read(in.readAllBytes()));
                }
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classes in " + root + ": " + e.getMessage(), e);
        }
    }

    static ClassFile read(byte[] bytes) {
        List<Method> methods = new ArrayList<>();
        ClassFile[] header = new ClassFile[1];
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                header[0] = new ClassFile(dots(name), access, superName == null ? "" : dots(superName),
                        Stream.of(interfaces).map(ClassFile::dots).toList(), List.of());
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                Set<String> annotations = new java.util.HashSet<>();
                methods.add(new Method(name, descriptor, access, annotations));
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public @Nullable AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                        annotations.add(annotation);
                        return null; // the annotation's values are not needed
                    }
                };
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        ClassFile read = header[0];
        return new ClassFile(read.name(), read.access(), read.superName(), read.interfaces(), methods.stream()
                .map(m -> new Method(m.name(), m.descriptor(), m.access(), Set.copyOf(m.annotations()))).toList());
    }

    private static String dots(String internalName) {
        return internalName.replace('/', '.');
    }
}
