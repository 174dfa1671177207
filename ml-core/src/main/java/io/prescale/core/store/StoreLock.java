package io.prescale.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps one process (and one handle) per store directory: an OS file lock ({@link FileChannel#tryLock()}) on
 * {@code store.lock}, which holds the PID of its holder so that the error can name it. The OS drops the lock
 * when the process dies, so a stale file never blocks anyone.
 */
final class StoreLock implements AutoCloseable {
    static final String FILE_NAME = "store.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code directory}.
     *
     * @throws IllegalArgumentException when another process or handle holds it, naming the directory and PID
     */
    static StoreLock acquire(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "store directory " + directory + " is not writable: cannot open " + file + " (" + e.getMessage()
                            + ")",
                    e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            close(channel);
            throw new UncheckedIOException("cannot lock " + file, e);
        }
        if (lock == null) {
            String holder = holderPid(file);
            close(channel);
            throw new IllegalArgumentException("store directory " + directory + " is in use by process " + holder
                    + " (lock file " + file + "); wait for it to finish or use another --store");
        }
        try {
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(pid), 0);
            channel.force(false);
        } catch (IOException e) {
            close(channel);
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new StoreLock(channel, lock);
    }

    private static String holderPid(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return text.isEmpty() ? "(unknown PID)" : text;
        } catch (IOException e) {
            return "(unknown PID)";
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the lock attempt already failed; closing is best effort
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it as well
        }
        close(channel);
    }
}
