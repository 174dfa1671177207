package io.prescale.loadtest;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;

/** The connections of one target: idle ones, requests waiting for a connection, and the open count. I/O thread only. */
final class Pool {
    final Target target;
    final InetSocketAddress address;
    final byte[] request;
    final int limit;
    final ArrayDeque<Connection> idle = new ArrayDeque<>();
    final ArrayDeque<Request> pending = new ArrayDeque<>();
    int open;

    Pool(Target target, int limit) {
        this.target = target;
        this.address = new InetSocketAddress(target.host(), target.port());
        this.request = target.requestBytes();
        this.limit = limit;
    }
}
