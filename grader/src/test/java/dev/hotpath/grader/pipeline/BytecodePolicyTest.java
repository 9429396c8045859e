package dev.hotpath.grader.pipeline;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bytecode policy on class files made byte by byte with ASM, without compiling or starting anything:
 * each use it must refuse, next to the nearest use it must let through.
 */
class BytecodePolicyTest {

    private static final String CLASS = "demo/Submission";
    private static final String HARNESS_CLASS = "demo/probe/CallsProbe";

    @Test
    void plainJavaPasses() {
        byte[] plain = classWith("(Ljava/util/List;)I", method -> {
            method.visitTypeInsn(Opcodes.NEW, "java/lang/StringBuilder");
            method.visitInsn(Opcodes.DUP);
            method.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "()V", false);
            method.visitInsn(Opcodes.POP);
            method.visitVarInsn(Opcodes.ALOAD, 0);
            method.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/util/List", "size", "()I", true);
            method.visitInsn(Opcodes.IRETURN);
        });

        assertThat(policy(List.of()).check(plain)).isEmpty();
    }

    @Test
    void aForbiddenCallIsRefusedWithItsLineAndReason() {
        byte[] exits = classWith("()V", method -> {
            method.visitInsn(Opcodes.ICONST_0);
            method.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "exit", "(I)V", false);
            method.visitInsn(Opcodes.RETURN);
        });

        assertThat(policy(List.of()).check(exits)).singleElement().satisfies(violation -> {
            assertThat(violation.className()).isEqualTo(CLASS);
            assertThat(violation.method()).isEqualTo("run");
            assertThat(violation.line()).isEqualTo(7);
            assertThat(violation.use()).isEqualTo("calls java.lang.System.exit");
            assertThat(violation.reason()).isEqualTo("code graded here may not end or steer the JVM");
        });
    }

    @Test
    void aCallThroughObjectIsJudgedByTheReceiversType() {
        // toString() declared on Object is harmless; on a Thread it tells the thread's name.
        byte[] onThread = objectToStringOf("Ljava/lang/Thread;");
        byte[] onList = objectToStringOf("Ljava/util/ArrayList;");

        assertThat(policy(List.of()).check(onThread)).singleElement().satisfies(violation -> {
            assertThat(violation.use()).isEqualTo("calls toString on a java.lang.Thread (through java.lang.Object)");
            assertThat(violation.reason()).isEqualTo("code graded here may not inspect thread names or call stacks");
        });
        assertThat(policy(List.of()).check(onList)).isEmpty();
    }

    @Test
    void aDeniedMemberIsAllowedOnlyWhereTheExerciseAllowsIt() {
        byte[] names = classWith("(Ljava/lang/Thread;)Ljava/lang/String;", method -> {
            method.visitVarInsn(Opcodes.ALOAD, 0);
            method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Thread", "getName", "()Ljava/lang/String;", false);
            method.visitInsn(Opcodes.ARETURN);
        });

        assertThat(policy(List.of()).check(names)).extracting(BytecodePolicy.Violation::use)
                .containsExactly("calls java.lang.Thread.getName");
        assertThat(policy(List.of("java.lang.Thread#getName")).check(names)).isEmpty();
    }

    @Test
    void reflectionIsRefusedInEveryForm() {
        byte[] forName = classWith("(Ljava/lang/String;)V", method -> {
            method.visitVarInsn(Opcodes.ALOAD, 0);
            method.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Class", "forName",
                    "(Ljava/lang/String;)Ljava/lang/Class;", false);
            method.visitInsn(Opcodes.POP);
            method.visitInsn(Opcodes.RETURN);
        });
        byte[] methodType = classWith("(Ljava/lang/reflect/Method;)V", method -> {
            method.visitVarInsn(Opcodes.ALOAD, 0);
            method.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/reflect/Method");
            method.visitInsn(Opcodes.POP);
            method.visitInsn(Opcodes.RETURN);
        });
        byte[] handle = classWith("()V", method -> {
            method.visitLdcInsn(new Handle(Opcodes.H_INVOKESTATIC, "java/lang/System", "exit", "(I)V", false));
            method.visitInsn(Opcodes.POP);
            method.visitInsn(Opcodes.RETURN);
        });
        byte[] bootstrap = classWith("()V", method -> {
            method.visitInvokeDynamicInsn("run", "()Ljava/lang/Runnable;", new Handle(Opcodes.H_INVOKESTATIC,
                    "demo/Bootstraps", "bootstrap", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
                    + "Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;", false));
            method.visitInsn(Opcodes.POP);
            method.visitInsn(Opcodes.RETURN);
        });
        String reflection = "code graded here may not use reflection, method handles or class loaders";

        assertThat(policy(List.of()).check(forName)).extracting(BytecodePolicy.Violation::reason).containsExactly(reflection);
        assertThat(policy(List.of()).check(methodType)).extracting(BytecodePolicy.Violation::reason).containsOnly(reflection);
        assertThat(policy(List.of()).check(handle)).extracting(BytecodePolicy.Violation::use)
                .containsExactly("refers to java.lang.System::exit");
        assertThat(policy(List.of()).check(bootstrap)).extracting(BytecodePolicy.Violation::use)
                .containsExactly("uses invokedynamic with demo.Bootstraps");
    }

    @Test
    void theExercisesHarnessIsOutOfReach() {
        byte[] callsProbe = classWith("()J", method -> {
            method.visitMethodInsn(Opcodes.INVOKESTATIC, HARNESS_CLASS, "count", "()J", false);
            method.visitInsn(Opcodes.LRETURN);
        });

        assertThat(policy(List.of()).check(callsProbe)).singleElement().satisfies(violation -> {
            assertThat(violation.use()).isEqualTo("calls demo.probe.CallsProbe.count");
            assertThat(violation.reason()).startsWith("the exercise's tests and measurement");
        });
    }

    @Test
    void filesAreRefusedEvenThroughAnAllowedClass() {
        // PrintStream is allowed (System.out); opening one on a file name is not.
        byte[] opens = classWith("()V", method -> {
            method.visitTypeInsn(Opcodes.NEW, "java/io/PrintStream");
            method.visitInsn(Opcodes.DUP);
            method.visitLdcInsn("/tmp/out");
            method.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/io/PrintStream", "<init>", "(Ljava/lang/String;)V", false);
            method.visitInsn(Opcodes.POP);
            method.visitInsn(Opcodes.RETURN);
        });

        assertThat(policy(List.of()).check(opens)).extracting(BytecodePolicy.Violation::reason)
                .containsExactly("code graded here may not read or write files");
    }

    @Test
    void staticFieldsMayHoldOnlyConstants() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, CLASS, null, "java/lang/Object", null);
        writer.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE, "calls", "J", null, null).visitEnd();
        writer.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "LIMIT", "I", null, 10).visitEnd();
        writer.visitEnd();

        assertThat(policy(List.of()).check(writer.toByteArray())).extracting(BytecodePolicy.Violation::use)
                .containsExactly("has the non-final static field calls");
    }

    /** {@code static String run(T value) { return ((Object) value).toString(); }} for a parameter of type T. */
    private static byte[] objectToStringOf(String parameter) {
        return classWith("(" + parameter + ")Ljava/lang/String;", method -> {
            method.visitVarInsn(Opcodes.ALOAD, 0);
            method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Object", "toString", "()Ljava/lang/String;", false);
            method.visitInsn(Opcodes.ARETURN);
        });
    }

    private static BytecodePolicy policy(List<String> allow) {
        return new BytecodePolicy(allow, new ClassHierarchy(), Set.of(HARNESS_CLASS));
    }

    /** A class with one static method {@code run} of {@code descriptor}, its code on line 7. */
    private static byte[] classWith(String descriptor, Consumer<MethodVisitor> code) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, CLASS, null, "java/lang/Object", null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", descriptor, null, null);
        method.visitCode();
        org.objectweb.asm.Label start = new org.objectweb.asm.Label();
        method.visitLabel(start);
        method.visitLineNumber(7, start);
        code.accept(method);
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
