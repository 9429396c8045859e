package dev.hotpath.platform.auth;

/** What an account may do: learners work through the course; instructors also see everyone's work. */
public enum Role {
    LEARNER,
    INSTRUCTOR
}
