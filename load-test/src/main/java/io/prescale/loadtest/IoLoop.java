package io.prescale.loadtest;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.channels.UnsupportedAddressTypeException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One I/O thread's selector over non-blocking keep-alive HTTP/1.1 connections. A request is handed to an idle
 * connection of its target, or opens a new one while the target is under its connection limit, or waits in the
 * target's queue (its send then starts late, and it times out there after the timeout). Failures are classified
 * by {@link ErrorKind}. The steady state allocates nothing per request: requests are recycled, send buffers
 * are views of one direct buffer, responses are parsed as bytes. Not thread-safe: used by the thread that runs it.
 */
final class IoLoop implements AutoCloseable {
    private final Selector selector;
    private final List<Pool> pools = new ArrayList<>();
    /** Every open connection, for the timeout scan. */
    private final List<Connection> connections = new ArrayList<>();

    private final ArrayDeque<Request> free = new ArrayDeque<>();
    private final LongSupplier clock;
    private final long timeoutNanos;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final Consumer<SelectionKey> handler = this::handle;
    private Recorder recorder;
    private int inFlight;
    private long handleNow;
    /** Closed-loop mode: a completed request is followed at once by the next one on the same connection. */
    private long closedLoopUntil = Long.MIN_VALUE;

    /**
     * @param connectionsPerTarget this loop's connection limit for each target
     */
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
        int count = inFlight;
        for (Pool pool : pools) {
            count += pool.pending.size();
        }
        return count;
    }

    /**
     * Issues arrival number {@code arrival} of the schedule to target {@code arrival mod targets}, so that the
     * targets take turns over the whole schedule whichever thread sends.
     */
    void submit(long arrival, long intendedNanos, boolean measured, long now) {
        Pool pool = pools.get((int) (arrival % pools.size()));
        submit(obtain(intendedNanos, measured, pool), now);
    }

    private Request obtain(long intendedNanos, boolean measured, Pool pool) {
        Request request = free.pollLast();
        return (request == null ? new Request() : request).set(intendedNanos, measured, pool);
    }

    private void recycle(Request request) {
        request.pool = null;
        free.addLast(request);
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
            connections.add(connection);
            assign(connection, request, now);
        } catch (IOException | UnresolvedAddressException | UnsupportedAddressTypeException e) {
            if (channel != null) {
                pool.open--;
                closeQuietly(channel);
            }
            recorder.onSend(request, now);
            recorder.onError(request, ErrorKind.CONNECT, now);
            recycle(request);
        }
    }

    private void assign(Connection connection, Request request, long now) {
        connection.current = request;
        inFlight++;
        request.sendNanos = now;
        recorder.onSend(request, now);
        connection.out.clear();
        connection.parser.reset();
        if (connection.connected) {
            write(connection, now);
        }
    }

    private void write(Connection connection, long now) {
        try {
            connection.channel.write(connection.out);
            interest(connection.key, connection.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        } catch (IOException e) {
            fail(connection, ErrorKind.RESET, now);
        }
    }

    private static void interest(SelectionKey key, int ops) {
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    /**
     * Waits for I/O for at most about {@code waitNanos} and handles what is ready. The selector's timeout has
     * millisecond resolution, so it is used only to about 1 ms before the deadline; a shorter wait polls the
     * selector once and, when nothing is ready, parks for the rest of it (one wake-up per due time, not a spin),
     * then handles what became ready meanwhile. Send times are thus accurate to the park's precision, and a
     * response is noticed at most one such wait (under 2 ms, and under the gap between arrivals) after it arrived.
     */
    void poll(long waitNanos) throws IOException {
        handleNow = Long.MIN_VALUE;
        if (waitNanos >= 2_000_000) {
            selector.select(handler, (waitNanos - 1_000_000) / 1_000_000);
        } else if (selector.selectNow(handler) == 0 && waitNanos > 0) {
            LockSupport.parkNanos(waitNanos);
            handleNow = Long.MIN_VALUE;
            selector.selectNow(handler);
        }
    }

    private void handle(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (handleNow == Long.MIN_VALUE) {
            // one clock reading per batch of ready keys, as the response times of one wake-up
            handleNow = clock.getAsLong();
        }
        long now = handleNow;
        Connection connection = (Connection) key.attachment();
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
        inFlight--;
        recorder.onResponse(request, connection.parser.status(), now);
        recycle(request);
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
            next = obtain(now, true, connection.pool);
            recorder.onDispatch(next, now);
        }
        if (next != null) {
            assign(connection, next, now);
        } else {
            connection.pool.idle.addLast(connection);
            interest(connection.key, SelectionKey.OP_READ);
        }
    }

    /** A connection was closed: waiting requests (or a closed-loop one) open new connections. */
    void next(Pool pool, long now) {
        while (pool.open < pool.limit && !pool.pending.isEmpty()) {
            connect(pool.pending.pollFirst(), now);
        }
        if (pool.open < pool.limit && now < closedLoopUntil) {
            Request request = obtain(now, true, pool);
            recorder.onDispatch(request, now);
            connect(request, now);
        }
    }

    private void fail(Connection connection, ErrorKind kind, long now) {
        Request request = connection.current;
        connection.current = null;
        if (request != null) {
            inFlight--;
        }
        close(connection);
        if (request != null) {
            recorder.onError(request, kind, now);
            recycle(request);
        }
        next(connection.pool, now);
    }

    /** Fails requests in flight longer than the timeout, and waiting requests older than it. */
    void expire(long now) {
        for (int i = connections.size() - 1; i >= 0; i--) {
            if (i >= connections.size()) {
                continue; // a failure below may have closed more than one connection
            }
            Connection connection = connections.get(i);
            if (connection.current != null && now - connection.current.sendNanos > timeoutNanos) {
                fail(connection, connection.connected ? ErrorKind.TIMEOUT : ErrorKind.CONNECT, now);
            }
        }
        for (Pool pool : pools) {
            while (!pool.pending.isEmpty() && now - pool.pending.peekFirst().intendedNanos > timeoutNanos) {
                Request request = pool.pending.pollFirst();
                recorder.onNeverSent(request, now);
                recycle(request);
            }
        }
    }

    /** Drops waiting requests (a run that stops early); they are not counted. */
    void dropPending() {
        for (Pool pool : pools) {
            while (!pool.pending.isEmpty()) {
                recycle(pool.pending.pollFirst());
            }
        }
    }

    private void close(Connection connection) {
        connections.remove(connection);
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
