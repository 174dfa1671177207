package io.prescale.collect.remotewrite;

import com.google.protobuf.InvalidProtocolBufferException;
import io.prescale.collect.remotewrite.proto.RemoteWrite;
import java.io.IOException;
import org.xerial.snappy.Snappy;

/**
 * Decodes a remote-write 1.0 body: Snappy block format (not the framed stream format) around a protobuf
 * {@code prometheus.WriteRequest}. Checks the decompressed length from the Snappy header against the limit
 * before decompressing. Stateless and thread-safe.
 */
public final class WriteRequestDecoder {
    private final long maxBytes;

    /** @param maxBytes largest decompressed body accepted */
    public WriteRequestDecoder(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * @throws CorruptBodyException when the body is not valid Snappy or not a WriteRequest (truncated included)
     * @throws TooLargeException    when it decompresses to more than the limit
     */
    public RemoteWrite.WriteRequest decode(byte[] body) throws CorruptBodyException, TooLargeException {
        byte[] raw;
        try {
            if (!Snappy.isValidCompressedBuffer(body)) {
                throw new CorruptBodyException("snappy: corrupt input", null);
            }
            int length = Snappy.uncompressedLength(body);
            if (length < 0 || length > maxBytes) {
                throw new TooLargeException("decompressed body of " + Integer.toUnsignedString(length)
                        + " bytes is over the limit of " + maxBytes);
            }
            raw = Snappy.uncompress(body);
        } catch (IOException e) {
            throw new CorruptBodyException("snappy: corrupt input (" + e.getMessage() + ")", e);
        }
        try {
            return RemoteWrite.WriteRequest.parseFrom(raw);
        } catch (InvalidProtocolBufferException e) {
            throw new CorruptBodyException("not a remote-write WriteRequest: " + e.getMessage(), e);
        }
    }
}
