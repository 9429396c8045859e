package dev.hotpath.grader.pipeline;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a submission's bytecode may use. Learner code may call its own classes, the exercise's fixed
 * classes and an allow-list of the JDK; within that list, members that end or steer the JVM, reach
 * outside it, look into the grader, or detect the benchmark are denied. An exercise widens the list
 * with {@code policy: allow:} entries in exercise.yaml. Static state is limited to constants, so
 * results cannot be cached across instances or benchmark iterations. docs/security.md has the table.
 */
final class BytecodePolicy {

    /** One forbidden use, located in the learner's code. */
    record Violation(String className, String method, int line, String use, String reason) {

        String describe() {
            return simpleName(className) + (method.isEmpty() ? "" : "." + method) + ": " + use + " — " + reason;
        }
    }

    private static final String EXIT = "code graded here may not end or steer the JVM";
    private static final String PROCESSES = "code graded here may not start other programs";
    private static final String REFLECTION = "code graded here may not use reflection, method handles or class loaders";
    private static final String NATIVE = "code graded here may not load native code";
    private static final String INTERNALS = "code graded here may not use JDK internals such as Unsafe";
    private static final String FILES = "code graded here may not read or write files";
    private static final String NETWORK = "code graded here may not use the network";
    private static final String STREAMS = "code graded here may not replace System.out, System.err or System.in";
    private static final String STOP = "code graded here may not stop, suspend or resume threads";
    private static final String INSPECT = "code graded here may not inspect thread names or call stacks";
    private static final String ENVIRONMENT = "code graded here may not read or change the environment or system properties";
    private static final String MEMORY = "code graded here may not trigger garbage collection or manage the JVM";
    private static final String SERIALIZATION = "code graded here may not use Java serialization";
    private static final String RESOURCES = "code graded here may not load resources or services from the class path";
    private static final String HARNESS = "the exercise's tests and measurement (its workloads, probes and"
            + " benchmarks) are not for code graded here: work with the classes the starter uses";
    private static final String STATIC_STATE = "static fields may only hold constants: keep state in instance fields"
            + " (or use List.of, Set.of, Map.of for constant collections)";

    /** Packages whose every class is allowed unless a member rule below denies it. */
    private static final Set<String> ALLOWED_PACKAGES = Set.of(
            "java/lang", "java/lang/ref", "java/util", "java/util/function", "java/util/stream",
            "java/util/concurrent", "java/util/concurrent/atomic", "java/util/concurrent/locks", "java/util/regex",
            "java/util/random", "java/math", "java/time", "java/time/chrono", "java/time/format", "java/time/temporal",
            "java/text", "java/nio", "java/nio/charset");

    /** Single classes allowed from packages that are otherwise denied. */
    private static final Set<String> ALLOWED_CLASSES = Set.of(
            "java/io/Serializable", "java/io/Closeable", "java/io/Flushable", "java/io/IOException",
            "java/io/UncheckedIOException", "java/io/UnsupportedEncodingException", "java/io/EOFException",
            "java/io/PrintStream", "java/io/PrintWriter", "java/io/StringWriter", "java/io/StringReader",
            "java/io/Writer", "java/io/Reader", "java/io/OutputStream", "java/io/InputStream",
            "java/io/ByteArrayOutputStream", "java/io/ByteArrayInputStream", "java/io/BufferedReader",
            "java/io/BufferedWriter", "java/io/OutputStreamWriter", "java/io/InputStreamReader",
            "java/io/DataOutputStream", "java/io/DataInputStream", "java/io/FilterOutputStream",
            "java/io/FilterInputStream",
            "java/net/URLDecoder", "java/net/URLEncoder", "java/net/URI", "java/net/URISyntaxException");

    /** Whole classes denied inside allowed packages, with why. */
    private static final Map<String, String> DENIED_CLASSES = Map.ofEntries(
            Map.entry("java/lang/ClassLoader", REFLECTION), Map.entry("java/lang/Module", REFLECTION),
            Map.entry("java/lang/ModuleLayer", REFLECTION), Map.entry("java/lang/ClassValue", REFLECTION),
            Map.entry("java/lang/Process", PROCESSES), Map.entry("java/lang/ProcessBuilder", PROCESSES),
            Map.entry("java/lang/ProcessHandle", PROCESSES),
            Map.entry("java/lang/SecurityManager", EXIT), Map.entry("java/lang/StackWalker", INSPECT),
            Map.entry("java/lang/ThreadGroup", INSPECT), Map.entry("java/lang/ref/Cleaner", MEMORY),
            Map.entry("java/nio/MappedByteBuffer", FILES), Map.entry("java/util/ResourceBundle", RESOURCES),
            Map.entry("java/util/ServiceLoader", RESOURCES));

    /** Constructors that open files, by their class and the start of their descriptor. */
    private static final Map<String, List<String>> FILE_CONSTRUCTORS = Map.of(
            "java/io/PrintStream", List.of("(Ljava/lang/String;", "(Ljava/io/File;"),
            "java/io/PrintWriter", List.of("(Ljava/lang/String;", "(Ljava/io/File;"),
            "java/util/Formatter", List.of("(Ljava/lang/String;", "(Ljava/io/File;"),
            "java/util/Scanner", List.of("(Ljava/io/File;", "(Ljava/nio/file/Path;"));

    /** JDK classes that turn an argument of type Object into text with its toString(). */
    private static final Set<String> STRINGIFYING = Set.of(
            "java/lang/String", "java/lang/StringBuilder", "java/lang/StringBuffer", "java/lang/AbstractStringBuilder",
            "java/util/Objects", "java/io/PrintStream", "java/io/PrintWriter", "java/util/Formatter",
            "java/util/StringJoiner");

    /** Members denied on a class and on everything that extends it. */
    private static final Map<String, Map<String, String>> DENIED_MEMBERS = Map.ofEntries(
            Map.entry("java/lang/System", Map.ofEntries(
                    Map.entry("exit", EXIT), Map.entry("setSecurityManager", EXIT), Map.entry("getSecurityManager", EXIT),
                    Map.entry("load", NATIVE), Map.entry("loadLibrary", NATIVE), Map.entry("mapLibraryName", NATIVE),
                    Map.entry("setOut", STREAMS), Map.entry("setErr", STREAMS), Map.entry("setIn", STREAMS),
                    Map.entry("console", FILES), Map.entry("inheritedChannel", FILES),
                    Map.entry("getenv", ENVIRONMENT), Map.entry("getProperty", ENVIRONMENT),
                    Map.entry("getProperties", ENVIRONMENT), Map.entry("setProperty", ENVIRONMENT),
                    Map.entry("setProperties", ENVIRONMENT), Map.entry("clearProperty", ENVIRONMENT),
                    Map.entry("getLogger", ENVIRONMENT), Map.entry("gc", MEMORY), Map.entry("runFinalization", MEMORY))),
            Map.entry("java/lang/Thread", Map.ofEntries(
                    Map.entry("stop", STOP), Map.entry("suspend", STOP), Map.entry("resume", STOP),
                    Map.entry("getName", INSPECT), Map.entry("toString", INSPECT), Map.entry("getStackTrace", INSPECT),
                    Map.entry("getAllStackTraces", INSPECT), Map.entry("dumpStack", INSPECT),
                    Map.entry("getThreadGroup", INSPECT), Map.entry("enumerate", INSPECT),
                    Map.entry("activeCount", INSPECT), Map.entry("countStackFrames", INSPECT),
                    Map.entry("getContextClassLoader", REFLECTION), Map.entry("setContextClassLoader", REFLECTION),
                    Map.entry("setDefaultUncaughtExceptionHandler", EXIT),
                    Map.entry("getDefaultUncaughtExceptionHandler", EXIT),
                    // Without a handler of its own, a thread answers with its ThreadGroup.
                    Map.entry("getUncaughtExceptionHandler", INSPECT))),
            // System properties, read without System.getProperty.
            Map.entry("java/lang/Integer", Map.of("getInteger", ENVIRONMENT)),
            Map.entry("java/lang/Long", Map.of("getLong", ENVIRONMENT)),
            Map.entry("java/lang/Boolean", Map.of("getBoolean", ENVIRONMENT)),
            Map.entry("java/lang/Throwable", Map.of(
                    "getStackTrace", INSPECT, "printStackTrace", INSPECT, "setStackTrace", INSPECT)),
            Map.entry("java/lang/Class", Map.ofEntries(
                    Map.entry("forName", REFLECTION), Map.entry("newInstance", REFLECTION),
                    Map.entry("getClassLoader", REFLECTION), Map.entry("getResource", REFLECTION),
                    Map.entry("getResourceAsStream", REFLECTION), Map.entry("getProtectionDomain", REFLECTION),
                    Map.entry("getModule", REFLECTION), Map.entry("getMethod", REFLECTION),
                    Map.entry("getMethods", REFLECTION), Map.entry("getDeclaredMethod", REFLECTION),
                    Map.entry("getDeclaredMethods", REFLECTION), Map.entry("getField", REFLECTION),
                    Map.entry("getFields", REFLECTION), Map.entry("getDeclaredField", REFLECTION),
                    Map.entry("getDeclaredFields", REFLECTION), Map.entry("getConstructor", REFLECTION),
                    Map.entry("getConstructors", REFLECTION), Map.entry("getDeclaredConstructor", REFLECTION),
                    Map.entry("getDeclaredConstructors", REFLECTION), Map.entry("getDeclaredClasses", REFLECTION),
                    Map.entry("getClasses", REFLECTION), Map.entry("getRecordComponents", REFLECTION),
                    Map.entry("getEnclosingMethod", REFLECTION), Map.entry("getEnclosingConstructor", REFLECTION),
                    Map.entry("getNestHost", REFLECTION), Map.entry("getNestMembers", REFLECTION),
                    Map.entry("getPermittedSubclasses", REFLECTION), Map.entry("getAnnotation", REFLECTION),
                    Map.entry("getAnnotations", REFLECTION), Map.entry("getDeclaredAnnotations", REFLECTION),
                    Map.entry("getSigners", REFLECTION))),
            Map.entry("java/lang/Runtime", Map.ofEntries(
                    Map.entry("exit", EXIT), Map.entry("halt", EXIT), Map.entry("addShutdownHook", EXIT),
                    Map.entry("removeShutdownHook", EXIT), Map.entry("exec", PROCESSES), Map.entry("load", NATIVE),
                    Map.entry("loadLibrary", NATIVE), Map.entry("gc", MEMORY), Map.entry("runFinalization", MEMORY),
                    Map.entry("traceInstructions", MEMORY), Map.entry("traceMethodCalls", MEMORY))));

    /** Bootstrap methods javac emits for lambdas, string concatenation and records. */
    private static final Set<String> ALLOWED_BOOTSTRAPS = Set.of(
            "java/lang/invoke/LambdaMetafactory", "java/lang/invoke/StringConcatFactory", "java/lang/runtime/ObjectMethods");

    /** Types a static final field may have: values that cannot carry results between uses. */
    private static final Set<String> CONSTANT_TYPES = Set.of(
            "Z", "B", "C", "S", "I", "J", "F", "D", "[Z", "[B", "[C", "[S", "[I", "[J", "[F", "[D",
            "Ljava/lang/String;", "[Ljava/lang/String;", "Ljava/lang/Boolean;", "Ljava/lang/Byte;",
            "Ljava/lang/Character;", "Ljava/lang/Short;", "Ljava/lang/Integer;", "Ljava/lang/Long;",
            "Ljava/lang/Float;", "Ljava/lang/Double;", "Ljava/math/BigInteger;", "Ljava/math/BigDecimal;",
            "Ljava/util/regex/Pattern;", "Ljava/nio/charset/Charset;", "Ljava/lang/ThreadLocal;",
            "Ljava/util/Comparator;", "Ljava/util/Locale;", "Ljava/time/ZoneId;", "Ljava/time/ZoneOffset;",
            "Ljava/time/Duration;", "Ljava/time/Instant;", "Ljava/time/format/DateTimeFormatter;");

    /** Collection types a static final field may have when filled by an immutable factory. */
    private static final Set<String> COLLECTION_TYPES = Set.of(
            "Ljava/util/List;", "Ljava/util/Set;", "Ljava/util/Map;", "Ljava/util/Collection;");

    private final List<String> allowEntries;
    private final ClassHierarchy hierarchy;
    private final Set<String> harness;

    /**
     * @param allowEntries the exercise's extra allowances: packages ({@code java.util.concurrent.locks}),
     *                     classes ({@code java.lang.Thread}) or members ({@code java.lang.Thread#getName})
     * @param hierarchy    the learner's and the exercise's classes, to tell what they extend
     * @param harness      the exercise's classes the submission may not use: its tests, workloads, probes and
     *                     benchmarks (internal names)
     */
    BytecodePolicy(List<String> allowEntries, ClassHierarchy hierarchy, Set<String> harness) {
        this.allowEntries = allowEntries.stream().map(entry -> entry.replace('.', '/')).toList();
        this.hierarchy = hierarchy;
        this.harness = Set.copyOf(harness);
    }

    /** Every violation in one compiled class of the submission. */
    List<Violation> check(byte[] classFile) {
        List<Violation> violations = new ArrayList<>();
        ClassReader reader = new ClassReader(classFile);
        String className = reader.getClassName();
        checkType(reader.getSuperName(), className, "", 0, "extends", violations);
        for (String implemented : reader.getInterfaces()) {
            checkType(implemented, className, "", 0, "implements", violations);
        }
        List<String[]> staticFields = new ArrayList<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public @Nullable FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
                boolean synthetic = (access & Opcodes.ACC_SYNTHETIC) != 0 || name.startsWith("$SwitchMap$");
                if (isStatic && !synthetic && (access & Opcodes.ACC_ENUM) == 0) {
                    if ((access & Opcodes.ACC_FINAL) == 0) {
                        violations.add(new Violation(className, "", 0, "has the non-final static field " + name,
                                STATIC_STATE));
                    } else if (!CONSTANT_TYPES.contains(descriptor) && !isEnum(descriptor)) {
                        staticFields.add(new String[] {name, descriptor});
                    }
                }
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodNode(Opcodes.ASM9, access, method, descriptor, signature, exceptions) {
                    @Override
                    public void visitEnd() {
                        scan(className, this, new UseScanner(className, method, staticFields, violations));
                    }
                };
            }
        }, ClassReader.SKIP_FRAMES);
        for (String[] field : staticFields) {
            violations.add(new Violation(className, "", 0, "has the static field " + field[0] + " of type "
                    + readableType(field[1]), STATIC_STATE));
        }
        return violations;
    }

    /**
     * Feeds one method's instructions to {@code scanner}, each with the types of the values it works on
     * (inferred as the JVM's verifier would), so that a call can be resolved against its receiver.
     */
    private void scan(String className, MethodNode method, UseScanner scanner) {
        Frame<BasicValue> @Nullable [] frames;
        try {
            frames = new Analyzer<>(new HierarchyVerifier(hierarchy)).analyze(className, method);
        } catch (AnalyzerException e) {
            frames = null; // then calls are judged by their declared owner alone
        }
        for (int i = 0; i < method.instructions.size(); i++) {
            scanner.frame = frames == null ? null : frames[i];
            method.instructions.get(i).accept(scanner);
        }
    }

    /** Finds forbidden calls, field accesses and types in one method. */
    private final class UseScanner extends MethodVisitor {

        private final String className;
        private final String method;
        private final List<String[]> pendingStaticFields;
        private final List<Violation> violations;
        /** The types of the locals and stack before the current instruction, or null if unknown. */
        private @Nullable Frame<BasicValue> frame;
        private int line;
        private boolean lastWasImmutableFactory;

        UseScanner(String className, String method, List<String[]> pendingStaticFields, List<Violation> violations) {
            super(Opcodes.ASM9);
            this.className = className;
            this.method = method;
            this.pendingStaticFields = pendingStaticFields;
            this.violations = violations;
        }

        @Override
        public void visitLineNumber(int line, Label start) {
            this.line = line;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            String use = "calls " + readable(owner) + "." + name;
            Optional<String> reason = memberReason(owner, name, descriptor);
            Type[] parameters = Type.getArgumentTypes(descriptor);
            if (reason.isEmpty() && (opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE)) {
                String receiver = stackType(parameters.length);
                for (String type : runtimeClasses(owner, receiver)) {
                    reason = dispatchReason(type, name, descriptor);
                    if (reason.isPresent()) {
                        use = "calls " + name + " on a " + readable(type) + " (through " + readable(owner) + ")";
                        break;
                    }
                }
            }
            if (reason.isEmpty() && STRINGIFYING.contains(owner)) {
                for (int i = 0; i < parameters.length && reason.isEmpty(); i++) {
                    String argument = stackType(parameters.length - 1 - i);
                    if (parameters[i].getDescriptor().equals("Ljava/lang/Object;")) {
                        reason = textReason(argument);
                        use = "turns a " + readable(String.valueOf(argument)) + " into text";
                    }
                }
            }
            if (reason.isPresent()) {
                violations.add(new Violation(className, method, line, use, reason.get()));
            }
            lastWasImmutableFactory = opcode == Opcodes.INVOKESTATIC && isImmutableFactory(owner, name);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            checkMember(owner, name, descriptor, "uses " + readable(owner) + "." + name);
            if (opcode == Opcodes.PUTSTATIC && owner.equals(className)) {
                if (!method.equals("<clinit>")) {
                    violations.add(new Violation(className, method, line, "assigns the static field " + name, STATIC_STATE));
                } else if (lastWasImmutableFactory && COLLECTION_TYPES.contains(descriptor)) {
                    pendingStaticFields.removeIf(field -> field[0].equals(name));
                }
            }
            lastWasImmutableFactory = false;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            checkType(type, className, method, line, "uses", violations);
            lastWasImmutableFactory = false;
        }

        @Override
        public void visitLdcInsn(Object value) {
            if (value instanceof Type type && type.getSort() == Type.OBJECT) {
                checkType(type.getInternalName(), className, method, line, "uses", violations);
            } else if (value instanceof Handle handle) {
                checkMember(handle.getOwner(), handle.getName(), handle.getDesc(), "refers to "
                        + readable(handle.getOwner()) + "::" + handle.getName());
            } else if (value instanceof ConstantDynamic) {
                violations.add(new Violation(className, method, line, "uses a dynamic constant", REFLECTION));
            }
            lastWasImmutableFactory = false;
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            if (!ALLOWED_BOOTSTRAPS.contains(bootstrap.getOwner())) {
                violations.add(new Violation(className, method, line, "uses invokedynamic with "
                        + readable(bootstrap.getOwner()), REFLECTION));
            }
            for (Object argument : arguments) {
                if (argument instanceof Handle handle) {
                    checkMember(handle.getOwner(), handle.getName(), handle.getDesc(), "refers to "
                            + readable(handle.getOwner()) + "::" + handle.getName());
                }
            }
            if (bootstrap.getOwner().equals("java/lang/invoke/StringConcatFactory")) {
                int count = Type.getArgumentTypes(descriptor).length;
                for (int i = 0; i < count; i++) {
                    String type = stackType(i);
                    textReason(type).ifPresent(why -> violations.add(new Violation(className, method, line,
                            "turns a " + readable(String.valueOf(type)) + " into text", why)));
                }
            }
            lastWasImmutableFactory = false;
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == Opcodes.AASTORE && "java/lang/Object".equals(arrayElement(stackType(2)))) {
                // An Object[] is how varargs reach String.format, printf and friends.
                String type = stackType(0);
                textReason(type).ifPresent(why -> violations.add(new Violation(className, method, line,
                        "puts a " + readable(String.valueOf(type)) + " where it can be turned into text", why)));
            }
            if (opcode != Opcodes.NOP) {
                lastWasImmutableFactory = false;
            }
        }

        @Override
        public void visitVarInsn(int opcode, int variable) {
            lastWasImmutableFactory = false;
        }

        private void checkMember(String owner, String name, String descriptor, String use) {
            Optional<String> reason = memberReason(owner, name, descriptor);
            reason.ifPresent(why -> violations.add(new Violation(className, method, line, use, why)));
        }

        /** The internal name of the reference type {@code depth} values below the stack's top, or null. */
        private @Nullable String stackType(int depth) {
            if (frame == null || depth >= frame.getStackSize()) {
                return null;
            }
            Type type = frame.getStack(frame.getStackSize() - 1 - depth).getType();
            if (type == null || (type.getSort() != Type.OBJECT && type.getSort() != Type.ARRAY)
                    || type.getDescriptor().equals("Lnull;")) {
                return null;
            }
            return type.getInternalName();
        }
    }

    /**
     * Classes whose implementation a virtual call may run: its owner and the receiver's inferred type,
     * and those of the exercise's and the submission's classes and the JDK classes with denied members
     * that extend them. (Subtypes of Object are every class, so a call on a plain Object counts only its
     * inferred type.)
     */
    private Set<String> runtimeClasses(String owner, @Nullable String receiver) {
        Set<String> types = new LinkedHashSet<>();
        for (String type : receiver == null ? List.of(owner) : List.of(receiver, owner)) {
            if (type.startsWith("[")) {
                continue;
            }
            types.add(type);
            if (!type.equals("java/lang/Object")) {
                types.addAll(hierarchy.knownSubtypes(type));
                for (String denied : DENIED_MEMBERS.keySet()) {
                    if (hierarchy.ancestors(denied).contains(type)) {
                        types.add(denied);
                    }
                }
            }
        }
        return types;
    }

    /** Why a call of {@code name} on an object of class {@code type} is forbidden, by the code it runs. */
    private Optional<String> dispatchReason(String type, String name, String descriptor) {
        for (String ancestor : hierarchy.ancestors(type)) {
            if (hierarchy.implementsItself(ancestor, name + descriptor)) {
                return Optional.empty(); // the submission's or the exercise's own code runs
            }
            String reason = DENIED_MEMBERS.getOrDefault(ancestor, Map.of()).get(name);
            if (reason != null && !allowed(ancestor + "#" + name)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }

    /** Why turning a value of {@code type} into text is forbidden (its toString() tells a thread's name). */
    private Optional<String> textReason(@Nullable String type) {
        if (type == null || type.startsWith("[")) {
            return Optional.empty();
        }
        for (String runtime : runtimeClasses("java/lang/Object", type)) {
            Optional<String> reason = dispatchReason(runtime, "toString", "()Ljava/lang/String;");
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }

    private static @Nullable String arrayElement(@Nullable String arrayType) {
        return arrayType != null && arrayType.startsWith("[L") ? arrayType.substring(2, arrayType.length() - 1) : null;
    }

    private void checkType(String type, String className, String method, int line, String verb, List<Violation> violations) {
        if (type == null) {
            return;
        }
        String element = type.startsWith("[") ? Type.getType(type).getElementType().getInternalName() : type;
        if (element.length() <= 1) {
            return; // a primitive array
        }
        typeReason(element).ifPresent(why ->
                violations.add(new Violation(className, method, line, verb + " " + readable(element), why)));
    }

    /** Why using {@code owner.name} (of the given descriptor) is forbidden, if it is. */
    private Optional<String> memberReason(String owner, String name, String descriptor) {
        if (owner.startsWith("[") || allowed(owner + "#" + name)) {
            return Optional.empty(); // arrays have only clone() and length
        }
        Optional<String> typeReason = typeReason(owner);
        if (typeReason.isPresent()) {
            return typeReason;
        }
        if (name.equals("<init>")) {
            for (String prefix : FILE_CONSTRUCTORS.getOrDefault(owner, List.of())) {
                if (descriptor.startsWith(prefix)) {
                    return Optional.of(FILES);
                }
            }
        }
        // Inherited members count too: a class that extends Thread may not call its stop().
        for (String type : hierarchy.ancestors(owner)) {
            String reason = DENIED_MEMBERS.getOrDefault(type, Map.of()).get(name);
            if (reason != null && !allowed(type + "#" + name)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }

    /** Why using the class {@code type} at all is forbidden, if it is. */
    private Optional<String> typeReason(String type) {
        if (harness.contains(type)) {
            return Optional.of(HARNESS);
        }
        if (hierarchy.isExercise(type) || allowed(type)) {
            return Optional.empty();
        }
        for (String ancestor : hierarchy.ancestors(type.contains("$") ? type.substring(0, type.indexOf('$')) : type)) {
            if (DENIED_CLASSES.containsKey(ancestor)) {
                return Optional.of(DENIED_CLASSES.get(ancestor)); // also a subclass or nested class of one
            }
        }
        if (DENIED_CLASSES.containsKey(type)) {
            return Optional.of(DENIED_CLASSES.get(type));
        }
        String packageName = type.contains("/") ? type.substring(0, type.lastIndexOf('/')) : "";
        if (ALLOWED_PACKAGES.contains(packageName) || ALLOWED_CLASSES.contains(type)) {
            return Optional.empty();
        }
        if (packageName.startsWith("java/lang/reflect") || packageName.startsWith("java/lang/invoke")) {
            return Optional.of(REFLECTION);
        }
        if (packageName.startsWith("sun/") || packageName.startsWith("jdk/") || packageName.startsWith("com/sun/")) {
            return Optional.of(INTERNALS);
        }
        if (packageName.startsWith("java/io") || packageName.startsWith("java/nio")) {
            return Optional.of(type.contains("Object") ? SERIALIZATION : FILES);
        }
        if (packageName.startsWith("java/net") || packageName.startsWith("javax/net")) {
            return Optional.of(NETWORK);
        }
        if (packageName.startsWith("java/lang/management") || packageName.startsWith("javax/management")
                || packageName.startsWith("java/lang/instrument")) {
            return Optional.of(MEMORY);
        }
        return Optional.of("this exercise does not allow " + readable(packageName).replace('/', '.')
                + " (an exercise can allow it in exercise.yaml)");
    }

    /** Whether an exercise allow-list entry covers a class, package or member (internal names). */
    private boolean allowed(String target) {
        for (String entry : allowEntries) {
            if (target.equals(entry) || target.startsWith(entry + "#")
                    || (target.startsWith(entry + "/") && !target.substring(entry.length() + 1).contains("/"))) {
                return true;
            }
        }
        return false;
    }

    private boolean isEnum(String descriptor) {
        return descriptor.startsWith("L") && hierarchy.ancestors(Type.getType(descriptor).getInternalName())
                .contains("java/lang/Enum");
    }

    private static boolean isImmutableFactory(String owner, String name) {
        return switch (owner) {
            case "java/util/List", "java/util/Set", "java/util/Map" ->
                    name.equals("of") || name.equals("copyOf") || name.equals("ofEntries");
            case "java/util/Collections" -> name.startsWith("unmodifiable") || name.startsWith("empty");
            default -> false;
        };
    }

    private static String readable(String internalName) {
        return internalName.replace('/', '.').replace('$', '.');
    }

    private static String readableType(String descriptor) {
        return readable(Type.getType(descriptor).getClassName());
    }

    private static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1).replace('$', '.');
    }
}
