package dev.hotpath.orders.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The result of a query, streamed over its connection as a database driver's result set is: it can
 * be read only while the connection that ran the query is held. Copy what you need before you
 * release the connection.
 */
public final class Rows<T> implements Iterable<T> {

    private final Connection connection;
    private final List<T> rows;

    Rows(Connection connection, List<T> rows) {
        this.connection = connection;
        this.rows = rows;
    }

    /** The rows, copied into a list the caller owns. */
    public List<T> toList() {
        connection.checkOpen("read rows");
        return new ArrayList<>(rows);
    }

    @Override
    public Iterator<T> iterator() {
        connection.checkOpen("read rows");
        Iterator<T> inner = rows.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                connection.checkOpen("read rows");
                return inner.hasNext();
            }

            @Override
            public T next() {
                connection.checkOpen("read rows");
                return inner.next();
            }
        };
    }
}
