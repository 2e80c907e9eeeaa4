package baedal.bench.traffic;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * A deliberately minimal HTTP/1.1 client for the load generator: persistent connections kept in a pool,
 * one blocking request at a time per connection, fixed-length request bodies, fixed-length or chunked
 * responses. The load generator shares the machine with the platform, so every microsecond of client CPU
 * is taken from the system under test; the JDK's {@code HttpClient} costs several times more per request
 * (selector hand-offs between threads). Only what the benchmarks' POSTs and GETs need is implemented.
 */
public final class KeepAliveHttp implements AutoCloseable {

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    private final Semaphore connections;

    /** A client that opens as many connections as requests are outstanding (callers bound their concurrency). */
    KeepAliveHttp(URI base, Duration timeout) {
        this(base, timeout, Integer.MAX_VALUE);
    }

    /**
     * A client with at most {@code maxConnections} connections, like a load balancer's pool: a request beyond them
     * waits for one (an open-model caller measures from its intended time, so the wait is in its latency). Without a
     * bound, a platform that slows down gets a new connection for every request due meanwhile — thousands, each
     * holding server buffers — and a brief stall becomes a collapse that no real client population would cause.
     */
    KeepAliveHttp(URI base, Duration timeout, int maxConnections) {
        this.host = base.getHost();
        this.port = base.getPort();
        this.timeoutMillis = (int) timeout.toMillis();
        this.connections = new Semaphore(maxConnections);
    }

    /**
     * A response's status, {@code Location} header (may be null), whether it said {@code Baedal-Stale: true}, the
     * server's own time from its {@code Server-Timing: app;dur=} header in microseconds (-1 without one), the order
     * version of its {@code ETag} (-1 without one), and body.
     */
    public record Response(int status, String location, boolean stale, long serverMicros, long etagVersion, String body) {
    }

    /**
     * GETs {@code path} as the caller of token {@code bearer} ({@code null}: none). A kept-alive connection the server
     * closed while it sat idle fails before any answer; a GET is safe to send again, so that happens once, after
     * dropping the idle connections (likely as stale).
     */
    Response get(String path, String bearer) throws IOException {
        try {
            return post(path, bearer, null, null);
        } catch (IOException staleConnection) {
            close();
            return post(path, bearer, null, null);
        }
    }

    /** POSTs {@code json} ({@code null}: a GET without a body) as the caller of token {@code bearer}. */
    Response post(String path, String bearer, String idempotencyKey, byte[] json) throws IOException {
        return exchange(path, bearer, null, idempotencyKey, null, json);
    }

    /**
     * Sends one request on a kept-alive connection: a POST of {@code json} with the optional {@code Idempotency-Key}
     * and {@code If-Match} headers, or a GET when {@code json} is {@code null}; with {@code Authorization: Bearer}
     * when {@code bearer} is given, and {@code Baedal-Reason} (an operator's why, US-ASCII) when {@code reason} is.
     */
    Response exchange(String path, String bearer, String reason, String idempotencyKey, String ifMatch, byte[] json)
            throws IOException {
        try {
            connections.acquire();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a connection");
        }
        try {
            return exchangeOnAConnection(path, bearer, reason, idempotencyKey, ifMatch, json);
        } finally {
            connections.release();
        }
    }

    private Response exchangeOnAConnection(String path, String bearer, String reason, String idempotencyKey,
            String ifMatch, byte[] json) throws IOException {
        Connection connection = idle.poll();
        if (connection == null) {
            connection = new Connection();
        }
        try {
            Response response = connection.exchange(path, bearer, reason, idempotencyKey, ifMatch, json);
            if (connection.reusable) {
                idle.offer(connection);
            } else {
                connection.close();
            }
            return response;
        } catch (IOException | RuntimeException failure) {
            connection.close();
            throw failure;
        }
    }

    /** The version in an {@code ETag} such as {@code "3"} or {@code W/"3"}; -1 when it is not a number. */
    static long etagVersion(String etag) {
        String tag = etag.startsWith("W/") ? etag.substring(2) : etag;
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException notAVersion) {
            return -1;
        }
    }

    /** The {@code app} metric's duration (ms, W3C Server Timing) in microseconds; -1 when absent. */
    static long serverMicros(String header) {
        for (String metric : header.split(",")) {
            String[] parts = metric.trim().split(";");
            if (!parts[0].trim().equals("app")) {
                continue;
            }
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim();
                if (parameter.startsWith("dur=")) {
                    return Math.round(Double.parseDouble(parameter.substring(4)) * 1000);
                }
            }
        }
        return -1;
    }

    @Override
    public void close() {
        Connection connection;
        while ((connection = idle.poll()) != null) {
            connection.close();
        }
    }

    private final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private boolean reusable = true;

        Connection() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(timeoutMillis);
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        }

        Response exchange(String path, String bearer, String reason, String idempotencyKey, String ifMatch,
                byte[] json) throws IOException {
            String caller = (bearer == null ? "" : "Authorization: Bearer " + bearer + "\r\n")
                    + (reason == null ? "" : "Baedal-Reason: " + reason + "\r\n");
            String head = json == null
                    ? "GET " + path + " HTTP/1.1\r\n"
                            + "Host: " + host + ":" + port + "\r\n"
                            + caller
                            + "Accept: application/json\r\n\r\n"
                    : "POST " + path + " HTTP/1.1\r\n"
                            + "Host: " + host + ":" + port + "\r\n"
                            + caller
                            + "Content-Type: application/json\r\n"
                            + "Accept: application/json\r\n"
                            + (idempotencyKey == null ? "" : "Idempotency-Key: " + idempotencyKey + "\r\n")
                            + (ifMatch == null ? "" : "If-Match: \"" + ifMatch + "\"\r\n")
                            + "Content-Length: " + json.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            if (json != null) {
                out.write(json);
            }
            out.flush();

            String statusLine = line();
            if (statusLine == null || !statusLine.startsWith("HTTP/1.1 ")) {
                throw new IOException("unexpected status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            int contentLength = -1;
            boolean chunked = false;
            String location = null;
            boolean stale = false;
            long serverMicros = -1;
            long etag = -1;
            for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> contentLength = Integer.parseInt(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "location" -> location = value;
                    case "baedal-stale" -> stale = value.equalsIgnoreCase("true");
                    case "server-timing" -> serverMicros = serverMicros(value);
                    case "etag" -> etag = etagVersion(value);
                    case "connection" -> reusable = !value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            byte[] body;
            if (chunked) {
                ByteArrayOutputStream chunks = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    chunks.write(in.readNBytes(size));
                    line();
                }
                for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                    // trailers are not used
                }
                body = chunks.toByteArray();
            } else if (contentLength >= 0) {
                body = in.readNBytes(contentLength);
            } else {
                reusable = false;
                body = in.readAllBytes();
            }
            return new Response(status, location, stale, serverMicros, etag, new String(body, StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != -1; c = in.read()) {
                if (c == '\n') {
                    int end = line.length();
                    if (end > 0 && line.charAt(end - 1) == '\r') {
                        line.setLength(end - 1);
                    }
                    return line.toString();
                }
                line.append((char) c);
            }
            reusable = false;
            return line.isEmpty() ? null : line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection that is already broken
            }
        }
    }
}
