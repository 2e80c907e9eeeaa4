package baedal.identity.audit;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

/**
 * A request whose JSON body was read ahead to find its {@code reason}, and is read again by the controller. At most
 * {@value #LOOK_AHEAD} bytes are read ahead; a longer body is passed on whole, its reason unread.
 */
final class ReplayableRequest extends HttpServletRequestWrapper {

    static final int LOOK_AHEAD = 64 * 1024;

    private final byte[] head;
    private final boolean complete;
    private final InputStream body;
    private @Nullable ServletInputStream stream;

    private ReplayableRequest(HttpServletRequest request, byte[] head, boolean complete, InputStream body) {
        super(request);
        this.head = head;
        this.complete = complete;
        this.body = body;
    }

    static ReplayableRequest of(HttpServletRequest request) throws IOException {
        if (!isJson(request)) {
            return new ReplayableRequest(request, new byte[0], false, request.getInputStream());
        }
        InputStream original = request.getInputStream();
        byte[] head = original.readNBytes(LOOK_AHEAD + 1);
        boolean complete = head.length <= LOOK_AHEAD;
        return new ReplayableRequest(request, head, complete,
                complete ? new ByteArrayInputStream(head) : new SequenceInputStream(new ByteArrayInputStream(head), original));
    }

    private static boolean isJson(HttpServletRequest request) {
        try {
            return request.getContentType() != null
                    && MediaType.parseMediaType(request.getContentType()).isCompatibleWith(MediaType.APPLICATION_JSON);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** The body's {@code reason}, if it is a JSON object read ahead whole that has one. */
    @Nullable String jsonReason() {
        return complete ? OperatorAuditFilter.reasonIn(head) : null;
    }

    @Override
    public ServletInputStream getInputStream() {
        if (stream == null) {
            stream = new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return body.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    return body.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    try {
                        return body.available() == 0 && complete;
                    } catch (IOException failure) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
}
