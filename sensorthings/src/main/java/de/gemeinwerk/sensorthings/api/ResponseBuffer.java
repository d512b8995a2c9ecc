package de.gemeinwerk.sensorthings.api;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A response body rendered in memory before it is sent. It grows by adding chunks, each twice the size of the last
 * (up to 1 MB), and never copies what it holds: a page of 1,000 Observations (about 450 KB) costs about 500 KB of
 * chunks, where a {@link java.io.ByteArrayOutputStream} that doubles its array and is then copied out allocates
 * three times that and copies it twice. The chunks go to the client one after the other.
 */
final class ResponseBuffer extends OutputStream {

    private static final int FIRST_CHUNK = 8 * 1024;
    private static final int MAX_CHUNK = 1024 * 1024;
    private static final byte[] EMPTY = new byte[0];

    private final List<byte[]> full = new ArrayList<>();
    private byte[] current;
    private int position;
    private int size;

    ResponseBuffer() {
        this(new byte[FIRST_CHUNK], 0);
    }

    private ResponseBuffer(byte[] first, int position) {
        this.current = first;
        this.position = position;
        this.size = position;
    }

    /** The given bytes as a complete body, not copied. */
    static ResponseBuffer of(byte[] bytes) {
        return new ResponseBuffer(bytes, bytes.length);
    }

    static ResponseBuffer empty() {
        return of(EMPTY);
    }

    @Override
    public void write(int b) {
        if (position == current.length) {
            next();
        }
        current[position++] = (byte) b;
        size++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        while (length > 0) {
            if (position == current.length) {
                next();
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(bytes, offset, current, position, n);
            position += n;
            offset += n;
            length -= n;
            size += n;
        }
    }

    private void next() {
        full.add(current);
        current = new byte[Math.clamp(current.length * 2L, FIRST_CHUNK, MAX_CHUNK)];
        position = 0;
    }

    int size() {
        return size;
    }

    /** Writes the body to {@code out}, chunk by chunk. */
    void writeTo(OutputStream out) throws java.io.IOException {
        for (byte[] chunk : full) {
            out.write(chunk);
        }
        out.write(current, 0, position);
    }

    /** The body as one array (for a batch, which embeds it): a copy, unless it is one whole chunk. */
    byte[] toByteArray() {
        if (full.isEmpty() && position == current.length) {
            return current;
        }
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] chunk : full) {
            System.arraycopy(chunk, 0, all, at, chunk.length);
            at += chunk.length;
        }
        System.arraycopy(current, 0, all, at, position);
        return all;
    }
}
