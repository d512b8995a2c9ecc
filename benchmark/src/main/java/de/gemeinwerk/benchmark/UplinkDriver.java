package de.gemeinwerk.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Posts prepared webhook requests over many keep-alive connections from ONE thread (non-blocking sockets and a
 * selector, as wrk does), each connection with one request in flight, taking the next request from the list until it
 * is used up or the time is over. The requests are encoded to bytes before the clock starts and an answer is read as
 * bytes: the benchmark runs the server in its own JVM on the same cores, so a client that costs little CPU per
 * request (no thread per connection, no strings) leaves the cores to what is measured. A 503 (the server's ingest
 * queue is full) is what a network server retries, so the client does the same on that connection after a pause;
 * any other answer but 200 stops the run.
 */
final class UplinkDriver {

    private static final long RETRY_PAUSE_NANOS = 20_000_000L;
    private static final byte[] STORED = "\"stored\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DUPLICATE = "\"duplicate\"".getBytes(StandardCharsets.US_ASCII);

    /**
     * Answers per second, the outcomes the server named, 503s retried, latencies of the answered requests, and the CPU
     * time this client spent (to tell it apart from the server's share of the JVM).
     */
    record Result(double perSecond, long stored, long duplicates, long other, long retried, Latencies latencies,
                  long clientCpuNanos) {}

    private final InetSocketAddress server;
    private final int connections;

    UplinkDriver(int port, int connections) {
        this.server = new InetSocketAddress("127.0.0.1", port);
        this.connections = connections;
    }

    Result post(List<LorawanUplinks.Request> requests, int maxSeconds) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        byte[][] encoded = new byte[requests.size()][];
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = encode(requests.get(i));
        }
        long cpuStart = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        Run run = new Run(requests, encoded, started + maxSeconds * 1_000_000_000L);
        try (Selector selector = Selector.open()) {
            List<Connection> open = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                Connection connection = new Connection(selector);
                open.add(connection);
                connection.sendNext(run);
            }
            while (open.stream().anyMatch(Connection::busy)) {
                long now = System.nanoTime();
                long wait = Long.MAX_VALUE;
                for (Connection connection : open) {
                    if (connection.retryAt != 0 && connection.retryAt <= now) {
                        connection.resend(run);
                    } else if (connection.retryAt != 0) {
                        wait = Math.min(wait, connection.retryAt - now);
                    }
                }
                selector.select(wait == Long.MAX_VALUE ? 0 : Math.max(1, wait / 1_000_000));
                for (SelectionKey key : selector.selectedKeys()) {
                    ((Connection) key.attachment()).ready(key, run);
                }
                selector.selectedKeys().clear();
            }
            for (Connection connection : open) {
                connection.channel.close();
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long answered = run.stored + run.duplicates + run.other;
        return new Result(answered / elapsed, run.stored, run.duplicates, run.other, run.retried,
                new Latencies(java.util.Arrays.stream(run.latencies).filter(v -> v > 0).toArray()),
                threads.getCurrentThreadCpuTime() - cpuStart);
    }

    private byte[] encode(LorawanUplinks.Request request) {
        byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + request.path() + " HTTP/1.1\r\nHost: " + server.getHostString() + ":"
                + server.getPort() + "\r\n" + request.headers() + "Content-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = java.util.Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /**
     * The state of a run: which request is next, and the tally. A copy (the second post of a request) is handed out
     * even when time is up, as its first was: one place decides, so a run never ends between the two.
     */
    private static final class Run {

        final List<LorawanUplinks.Request> requests;
        final byte[][] encoded;
        final long deadline;
        final long[] latencies;
        int next;
        boolean over;
        long stored, duplicates, other, retried;

        Run(List<LorawanUplinks.Request> requests, byte[][] encoded, long deadline) {
            this.requests = requests;
            this.encoded = encoded;
            this.deadline = deadline;
            this.latencies = new long[requests.size()];
        }

        /** The index of the next request to post, or -1. */
        int take() {
            if (over || next >= requests.size()) {
                return -1;
            }
            if (!requests.get(next).copy() && System.nanoTime() >= deadline) {
                over = true;
                return -1;
            }
            return next++;
        }
    }

    /** One keep-alive connection with at most one request in flight. */
    private final class Connection {

        private final Selector selector;
        private final ByteBuffer in = ByteBuffer.allocate(16384);
        private SocketChannel channel;
        private SelectionKey key;
        private ByteBuffer out;
        private int request = -1;
        private long sentAt;
        private long retryAt;

        Connection(Selector selector) throws IOException {
            this.selector = selector;
            open();
        }

        /** Servers close a keep-alive connection after some requests (Tomcat: 100); then we open a new one. */
        private void open() throws IOException {
            if (channel != null) {
                channel.close();
            }
            channel = SocketChannel.open(server);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            key = channel.register(selector, 0, this);
            in.clear();
        }

        boolean busy() {
            return request >= 0;
        }

        void sendNext(Run run) throws IOException {
            request = run.take();
            if (request >= 0) {
                send(run);
            }
        }

        void resend(Run run) throws IOException {
            retryAt = 0;
            send(run);
        }

        private void send(Run run) throws IOException {
            out = ByteBuffer.wrap(run.encoded[request]);
            sentAt = System.nanoTime();
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        void ready(SelectionKey ready, Run run) throws IOException {
            if (ready.isWritable()) {
                channel.write(out);
                if (!out.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
                return;
            }
            if (channel.read(in) < 0) {
                throw new IOException("the server closed the connection before answering");
            }
            Answer answer = Answer.of(in);
            if (answer == null && !in.hasRemaining()) {
                throw new IOException("an answer exceeds the client's buffer");
            }
            if (answer == null) {
                return; // not complete yet
            }
            in.clear();
            if (answer.close()) {
                open();
            }
            if (answer.status() == 503) {
                run.retried++;
                key.interestOps(0);
                retryAt = System.nanoTime() + RETRY_PAUSE_NANOS;
                return;
            }
            run.latencies[request] = System.nanoTime() - sentAt;
            if (answer.status() != 200) {
                LorawanUplinks.Request failed = run.requests.get(request);
                throw new IllegalStateException("POST " + failed.path() + " answered " + answer.status() + ": "
                        + answer.body());
            }
            if (answer.contains(STORED)) {
                run.stored++;
            } else if (answer.contains(DUPLICATE)) {
                run.duplicates++;
            } else if (run.other++ == 0) {
                System.out.println("  (first answer neither stored nor duplicate: " + answer.body() + ")");
            }
            sendNext(run);
        }
    }

    /**
     * A complete HTTP/1.1 answer at the start of a buffer: status, whether the server closes the connection, and the
     * body's bytes (chunked bodies with their chunk lines: enough to look for a word in a short answer).
     */
    private record Answer(int status, boolean close, byte[] raw, int bodyStart, int length) {

        /** The answer in the buffer (position: bytes read so far), or null while it is incomplete. */
        static Answer of(ByteBuffer buffer) {
            byte[] bytes = buffer.array();
            int filled = buffer.position();
            int headEnd = indexOf(bytes, 0, filled, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            if (headEnd < 0) {
                return null;
            }
            String head = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
            int bodyStart = headEnd + 4;
            int end;
            int lengthAt = head.indexOf("\ncontent-length:");
            if (lengthAt >= 0) {
                int lineEnd = head.indexOf('\r', lengthAt + 1);
                end = bodyStart + Integer.parseInt(head.substring(lengthAt + 16, lineEnd < 0 ? head.length() : lineEnd)
                        .trim());
            } else if (head.contains("\ntransfer-encoding: chunked")) {
                int last = indexOf(bytes, bodyStart, filled, "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                end = last < 0 ? Integer.MAX_VALUE : last + 5;
            } else {
                end = bodyStart;
            }
            if (end > filled) {
                return null;
            }
            return new Answer(Integer.parseInt(head.substring(9, 12)), head.contains("\nconnection: close"), bytes,
                    bodyStart, end);
        }

        boolean contains(byte[] word) {
            return indexOf(raw, bodyStart, length, word) >= 0;
        }

        String body() {
            return new String(raw, bodyStart, length - bodyStart, StandardCharsets.UTF_8);
        }

        private static int indexOf(byte[] bytes, int from, int to, byte[] word) {
            outer:
            for (int i = from; i <= to - word.length; i++) {
                for (int j = 0; j < word.length; j++) {
                    if (bytes[i + j] != word[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
