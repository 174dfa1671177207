package io.prescale.loadtest;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.channels.UnsupportedAddressTypeException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The single I/O thread of the generator: a selector over non-blocking keep-alive HTTP/1.1 connections. A
 * request is handed to an idle connection of its target, or opens a new one while the target is under its
 * connection limit, or waits in the target's queue (its send then starts late, and it times out there after the
 * timeout). Failures are classified by {@link ErrorKind}. Not thread-safe: used by the thread that runs it.
 */
final class IoLoop implements AutoCloseable {
    private final Selector selector;
    private final List<Pool> pools = new ArrayList<>();
    private final Set<Connection> busy = new LinkedHashSet<>();
    private final LongSupplier clock;
    private final long timeoutNanos;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private Recorder recorder;
    private long roundRobin;
    /** Closed-loop mode: a completed request is followed at once by the next one on the same connection. */
    private long closedLoopUntil = Long.MIN_VALUE;

    IoLoop(List<Target> targets, int connectionsPerTarget, long timeoutNanos, LongSupplier clock) throws IOException {
        this.selector = Selector.open();
        for (Target target : targets) {
            pools.add(new Pool(target, connectionsPerTarget));
        }
        this.timeoutNanos = timeoutNanos;
        this.clock = clock;
    }

    void recorder(Recorder value) {
        this.recorder = value;
    }

    void closedLoopUntil(long nanos) {
        this.closedLoopUntil = nanos;
    }

    List<Pool> pools() {
        return pools;
    }

    /** Requests in flight or waiting for a connection. */
    int outstanding() {
        int count = busy.size();
        for (Pool pool : pools) {
            count += pool.pending.size();
        }
        return count;
    }

    /** Issues a request to the next target in round-robin order. */
    void submit(long intendedNanos, boolean measured, long now) {
        Pool pool = pools.get((int) (roundRobin++ % pools.size()));
        submit(new Request(intendedNanos, measured, pool), now);
    }

    private void submit(Request request, long now) {
        recorder.onDispatch(request, now);
        Pool pool = request.pool;
        Connection idle = pool.idle.pollLast();
        if (idle != null) {
            assign(idle, request, now);
        } else if (pool.open < pool.limit) {
            connect(request, now);
        } else {
            pool.pending.addLast(request);
        }
    }

    private void connect(Request request, long now) {
        Pool pool = request.pool;
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            pool.open++;
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Connection connection = new Connection(pool, channel);
            boolean done = channel.connect(pool.address);
            connection.key = channel.register(selector, done ? 0 : SelectionKey.OP_CONNECT, connection);
            connection.connected = done;
            assign(connection, request, now);
        } catch (IOException | UnresolvedAddressException | UnsupportedAddressTypeException e) {
            if (channel != null) {
                pool.open--;
                closeQuietly(channel);
            }
            recorder.onSend(request, now);
            recorder.onError(request, ErrorKind.CONNECT, now);
        }
    }

    private void assign(Connection connection, Request request, long now) {
        connection.current = request;
        request.sendNanos = now;
        recorder.onSend(request, now);
        connection.out = ByteBuffer.wrap(connection.pool.request);
        connection.parser.reset();
        busy.add(connection);
        if (connection.connected) {
            write(connection, now);
        }
    }

    private void write(Connection connection, long now) {
        try {
            connection.channel.write(connection.out);
            connection.key.interestOps(connection.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        } catch (IOException e) {
            fail(connection, ErrorKind.RESET, now);
        }
    }

    /**
     * Waits for I/O for at most about {@code waitNanos} and handles what is ready. The selector's timeout has
     * millisecond resolution, so it is used only to about 1 ms before the deadline; shorter waits poll the selector
     * between parks of at most 50 µs, which keeps both send times and response times accurate to about 0.1 ms
     * without spinning a core.
     */
    void poll(long waitNanos) throws IOException {
        int ready;
        if (waitNanos >= 2_000_000) {
            ready = selector.select((waitNanos - 1_000_000) / 1_000_000);
        } else {
            ready = selector.selectNow();
            if (ready == 0 && waitNanos > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(Math.min(waitNanos, 50_000));
                ready = selector.selectNow();
            }
        }
        if (ready == 0) {
            return;
        }
        long now = clock.getAsLong();
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            if (key.isValid()) {
                handle((Connection) key.attachment(), key, now);
            }
        }
    }

    private void handle(Connection connection, SelectionKey key, long now) {
        if (key.isConnectable()) {
            try {
                connection.channel.finishConnect();
                connection.connected = true;
                write(connection, now);
            } catch (IOException e) {
                fail(connection, ErrorKind.CONNECT, now);
            }
            return;
        }
        if (key.isWritable()) {
            write(connection, now);
        } else if (key.isReadable()) {
            read(connection, now);
        }
    }

    private void read(Connection connection, long now) {
        try {
            readBuffer.clear();
            int n = connection.channel.read(readBuffer);
            if (connection.current == null) {
                // An idle connection became readable: the server closed it (or sent garbage). Drop it.
                close(connection);
                return;
            }
            if (n < 0) {
                if (connection.parser.completesOnEof()) {
                    complete(connection, now);
                } else {
                    fail(connection, ErrorKind.RESET, now);
                }
                return;
            }
            readBuffer.flip();
            if (connection.parser.feed(readBuffer)) {
                complete(connection, now);
            }
        } catch (IOException e) {
            fail(connection, ErrorKind.RESET, now);
        }
    }

    private void complete(Connection connection, long now) {
        Request request = connection.current;
        connection.current = null;
        busy.remove(connection);
        recorder.onResponse(request, connection.parser.status(), now);
        if (connection.parser.keepAlive()) {
            release(connection, now);
        } else {
            close(connection);
            next(connection.pool, now);
        }
    }

    /** A connection became free: it takes the next waiting request, or the next closed-loop one, or idles. */
    private void release(Connection connection, long now) {
        Request next = connection.pool.pending.pollFirst();
        if (next == null && now < closedLoopUntil) {
            next = new Request(now, true, connection.pool);
            recorder.onDispatch(next, now);
        }
        if (next != null) {
            assign(connection, next, now);
        } else {
            connection.pool.idle.addLast(connection);
            connection.key.interestOps(SelectionKey.OP_READ);
        }
    }

    /** A connection was closed: waiting requests (or a closed-loop one) open new connections. */
    void next(Pool pool, long now) {
        while (pool.open < pool.limit && !pool.pending.isEmpty()) {
            connect(pool.pending.pollFirst(), now);
        }
        if (pool.open < pool.limit && now < closedLoopUntil) {
            Request request = new Request(now, true, pool);
            recorder.onDispatch(request, now);
            connect(request, now);
        }
    }

    private void fail(Connection connection, ErrorKind kind, long now) {
        Request request = connection.current;
        connection.current = null;
        close(connection);
        if (request != null) {
            recorder.onError(request, kind, now);
        }
        next(connection.pool, now);
    }

    /** Fails requests in flight longer than the timeout, and waiting requests older than it. */
    void expire(long now) {
        List<Connection> expired = new ArrayList<>();
        for (Connection connection : busy) {
            if (connection.current != null && now - connection.current.sendNanos > timeoutNanos) {
                expired.add(connection);
            }
        }
        for (Connection connection : expired) {
            fail(connection, connection.connected ? ErrorKind.TIMEOUT : ErrorKind.CONNECT, now);
        }
        for (Pool pool : pools) {
            while (!pool.pending.isEmpty() && now - pool.pending.peekFirst().intendedNanos > timeoutNanos) {
                recorder.onNeverSent(pool.pending.pollFirst(), now);
            }
        }
    }

    /** Drops waiting requests (a run that stops early); they are not counted. */
    void dropPending() {
        pools.forEach(pool -> pool.pending.clear());
    }

    private void close(Connection connection) {
        busy.remove(connection);
        connection.pool.idle.remove(connection);
        if (connection.key != null) {
            connection.key.cancel();
        }
        if (!connection.closed) {
            // counted by our flag: a failed finishConnect() has already closed the channel itself
            connection.closed = true;
            connection.pool.open--;
            closeQuietly(connection.channel);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a failed socket: nothing more to do
        }
    }

    @Override
    public void close() throws IOException {
        for (SelectionKey key : selector.keys()) {
            closeQuietly((SocketChannel) key.channel());
        }
        selector.close();
    }
}
