package dev.hotpath.productapi.store;

import java.util.Iterator;
import java.util.List;

/**
 * The rows a query returned. Like a JDBC result set, they are read through the connection that ran
 * the query, so they can only be read while that connection is still held: once it went back to the
 * pool, the next borrower owns it, and reading fails.
 */
public final class Rows<T> implements Iterable<T> {

    private final Connection connection;
    private final List<T> rows;

    Rows(Connection connection, List<T> rows) {
        this.connection = connection;
        this.rows = List.copyOf(rows);
    }

    public int size() {
        check();
        return rows.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    public T get(int index) {
        check();
        return rows.get(index);
    }

    /** A copy of every row, which stays readable after the connection went back. */
    public List<T> toList() {
        check();
        return rows;
    }

    @Override
    public Iterator<T> iterator() {
        check();
        Iterator<T> iterator = rows.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                check();
                return iterator.hasNext();
            }

            @Override
            public T next() {
                check();
                return iterator.next();
            }
        };
    }

    private void check() {
        if (connection.isClosed()) {
            throw new IllegalStateException("rows were read after their connection went back to the pool;"
                    + " another request may be using that connection now");
        }
    }
}
