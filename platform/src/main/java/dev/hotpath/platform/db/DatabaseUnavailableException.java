package dev.hotpath.platform.db;

import org.jspecify.annotations.Nullable;

/** The database cannot be used at all: unreachable, refusing the login, or migrated by a newer Hotpath. */
public class DatabaseUnavailableException extends RuntimeException {

    DatabaseUnavailableException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
