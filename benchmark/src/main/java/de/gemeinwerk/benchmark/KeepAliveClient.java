package de.gemeinwerk.benchmark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A deliberately minimal HTTP/1.1 client on one keep-alive connection, for load generation: it writes a
 * request and reads status line, headers and a Content-Length or chunked body. The JDK's HttpClient costs
 * several times the server's own CPU per request, and load generator and server share the same two cores,
 * so a heavy client would measure itself rather than Gemeinwerk.
 */
final class KeepAliveClient implements AutoCloseable {

    private final String hostName;
    private final int port;
    private final String host;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    KeepAliveClient(String hostName, int port) throws IOException {
        this.hostName = hostName;
        this.port = port;
        this.host = hostName + ":" + port;
        connect();
    }

    /** Servers close a keep-alive connection after some requests (Tomcat: 100); then we open a new one. */
    private void connect() throws IOException {
        if (socket != null) {
            socket.close();
        }
        socket = new Socket(hostName, port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16384);
    }

    /**
     * Sends one request and returns the status code after consuming the whole response. The body is skipped, not kept:
     * a GET of megabytes is timed without copying it.
     */
    int send(String method, String path, String headers, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + headers
                + "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(content);
        out.flush();
        int status = Integer.parseInt(line().substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                skip(size);
                line();
            }
            line();
        } else if (length > 0) {
            skip(length);
        }
        if (close) {
            connect();
        }
        return status;
    }

    private void skip(long n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed inside a response body");
                }
                skipped = 1;
            }
            n -= skipped;
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed by the server");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
