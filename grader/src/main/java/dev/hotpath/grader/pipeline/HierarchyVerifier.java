package dev.hotpath.grader.pipeline;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.analysis.SimpleVerifier;
import org.jspecify.annotations.Nullable;

/**
 * ASM's type-inferring verifier, answering questions about classes from a {@link ClassHierarchy}
 * instead of loading them (a submission's classes are never loaded into the grader).
 */
final class HierarchyVerifier extends SimpleVerifier {

    private static final Type OBJECT = Type.getObjectType("java/lang/Object");

    private final ClassHierarchy hierarchy;

    HierarchyVerifier(ClassHierarchy hierarchy) {
        super(Opcodes.ASM9, null, null, null, false);
        this.hierarchy = hierarchy;
    }

    @Override
    protected boolean isInterface(Type type) {
        return hierarchy.isInterface(type.getInternalName());
    }

    @Override
    protected @Nullable Type getSuperClass(Type type) {
        String superClass = hierarchy.superClass(type.getInternalName());
        return superClass == null ? null : Type.getObjectType(superClass);
    }

    @Override
    protected boolean isAssignableFrom(Type type, Type other) {
        if (type.equals(other) || type.equals(OBJECT)) {
            return true;
        }
        if (type.getSort() == Type.ARRAY) {
            if (other.getSort() != Type.ARRAY) {
                return false;
            }
            Type component = Type.getType(type.getDescriptor().substring(1));
            Type otherComponent = Type.getType(other.getDescriptor().substring(1));
            if (component.getSort() < Type.ARRAY || otherComponent.getSort() < Type.ARRAY) {
                return component.equals(otherComponent); // primitive components
            }
            return isAssignableFrom(component, otherComponent);
        }
        if (type.getSort() != Type.OBJECT) {
            return false;
        }
        if (other.getSort() == Type.ARRAY) {
            return type.getInternalName().equals("java/lang/Cloneable") || type.getInternalName().equals("java/io/Serializable");
        }
        if (other.getSort() != Type.OBJECT) {
            return false;
        }
        // As the JVM's verifier does, any reference passes where an interface is expected.
        return isInterface(type) || hierarchy.ancestors(other.getInternalName()).contains(type.getInternalName());
    }
}
