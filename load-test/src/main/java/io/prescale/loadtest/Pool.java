package io.prescale.loadtest;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * The connections of one target on one I/O thread: idle ones, requests waiting for a connection, and the open
 * count. The request bytes are in a direct buffer, so a send copies nothing. I/O thread only.
 */
final class Pool {
    final Target target;
    final InetSocketAddress address;
    final ByteBuffer request;
    final int limit;
    final ArrayDeque<Connection> idle = new ArrayDeque<>();
    final ArrayDeque<Request> pending = new ArrayDeque<>();
    int open;

    Pool(Target target, int limit) {
        this.target = target;
        this.address = new InetSocketAddress(target.host(), target.port());
        byte[] bytes = target.requestBytes();
        this.request = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
        this.limit = limit;
    }
}
