package io.prescale.loadtest;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One keep-alive HTTP/1.1 connection: at most one request in flight (no pipelining). Its send buffer is a view
 * of the target's request bytes, rewound for each request. I/O thread only.
 */
final class Connection {
    final Pool pool;
    final SocketChannel channel;
    final ResponseParser parser = new ResponseParser();
    final ByteBuffer out;
    SelectionKey key;
    boolean connected;
    boolean closed;
    Request current;

    Connection(Pool pool, SocketChannel channel) {
        this.pool = pool;
        this.channel = channel;
        this.out = pool.request.duplicate();
    }
}
