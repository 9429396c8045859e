package dev.hotpath.platform.auth;

/** An account, without its password hash. */
public record User(long id, String email, String displayName, Role role) {

    public boolean isInstructor() {
        return role == Role.INSTRUCTOR;
    }
}
