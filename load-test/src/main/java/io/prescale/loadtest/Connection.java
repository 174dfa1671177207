package io.prescale.loadtest;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/** One keep-alive HTTP/1.1 connection: at most one request in flight (no pipelining). I/O thread only. */
final class Connection {
    final Pool pool;
    final SocketChannel channel;
    final ResponseParser parser = new ResponseParser();
    SelectionKey key;
    boolean connected;
    boolean closed;
    Request current;
    ByteBuffer out;

    Connection(Pool pool, SocketChannel channel) {
        this.pool = pool;
        this.channel = channel;
    }
}
