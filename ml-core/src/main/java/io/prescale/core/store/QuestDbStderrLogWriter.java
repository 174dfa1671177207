package io.prescale.core.store;

import io.questdb.log.LogFactory;
import io.questdb.log.LogLevel;
import io.questdb.log.LogRecordUtf8Sink;
import io.questdb.log.LogWriter;
import io.questdb.mp.RingQueue;
import io.questdb.mp.SCSequence;
import io.questdb.mp.SynchronizedJob;
import java.io.Closeable;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;

/**
 * A QuestDB log writer that writes to file descriptor 2 (stderr) and nothing else, never to stdout where
 * QuestDB's own console writer goes. It writes through the process's own descriptor rather than reopening
 * {@code /dev/stderr}, so that its lines do not overwrite the JVM's when stderr is redirected to a file. Only
 * the levels configured in {@code questdb-log.conf} pass; advisories (start-up notices) never do. Internal: public only because QuestDB's
 * {@code LogFactory} instantiates it by reflection with this constructor.
 */
public final class QuestDbStderrLogWriter extends SynchronizedJob implements Closeable, LogWriter {
    private static final FileOutputStream STDERR = new FileOutputStream(FileDescriptor.err);

    private final RingQueue<LogRecordUtf8Sink> ring;
    private final SCSequence subSeq;
    private final int level;

    public QuestDbStderrLogWriter(RingQueue<LogRecordUtf8Sink> ring, SCSequence subSeq, int level) {
        this.ring = ring;
        this.subSeq = subSeq;
        this.level = level & ~LogLevel.ADVISORY; // QuestDB adds advisories (start-up notices) to every writer
    }

    @Override
    public void bindProperties(LogFactory factory) {
        // nothing to configure
    }

    @Override
    protected boolean runSerially() {
        return subSeq.consumeAll(ring, this::write);
    }

    private void write(LogRecordUtf8Sink record) {
        if ((record.getLevel() & level) == 0) {
            return;
        }
        byte[] bytes = new byte[record.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = record.byteAt(i);
        }
        try {
            STDERR.write(bytes);
        } catch (IOException e) {
            // stderr is gone: there is nowhere left to report to
        }
    }

    @Override
    public void close() {
        // stderr stays open for the JVM
    }
}
