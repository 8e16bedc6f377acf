package io.tryx.simulator.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.stream.ChunkedNioFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTPS connection of the media server. {@code POST /mms/{type}/{token}?auth=...&token=...} streams the
 * encrypted upload to disk, checks it against the token (the base64url SHA-256 of the body, as clients
 * compute it) and answers {@code {"url","direct_path","handle","object_id"}}; {@code GET <direct path>}
 * streams a stored blob back. Refusals are JSON errors: 401 bad auth, 400 bad token or hash mismatch, 404
 * unknown blob, 405 other methods, 413 over the size limit. A refused request's connection closes once the
 * client has finished sending, so it always gets to read the answer.
 */
final class MediaHttpHandler extends SimpleChannelInboundHandler<HttpObject> {

    private static final Logger LOG = LoggerFactory.getLogger(MediaHttpHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Upload paths: {@code /mms/<type>/<token>}, the product and cover-photo paths, and the bare {@code /<token>}. */
    private static final Pattern UPLOAD = Pattern.compile("^(?:/mms/[a-z0-9-]+|/product/image|/pps/biz-cover-photo)?/([A-Za-z0-9_=-]+)$");

    private final MediaBlobs blobs;
    private final MediaAuth auth;
    private final String baseUrl;
    private final long maxUploadBytes;

    private MediaBlobs.Upload upload;
    private byte[] expectedDigest;
    private boolean keepAlive;
    /** The current request's body has not fully arrived yet. */
    private boolean bodyPending;
    /** A refusal was sent mid-request: read the rest of the body, then close (closing earlier breaks the client's send). */
    private boolean closeAfterBody;

    MediaHttpHandler(MediaBlobs blobs, MediaAuth auth, String baseUrl, long maxUploadBytes) {
        super(true);
        this.blobs = blobs;
        this.auth = auth;
        this.baseUrl = baseUrl;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        if (msg instanceof HttpRequest request) {
            bodyPending = true;
            onRequest(ctx, request);
        }
        if (msg instanceof HttpContent content && upload != null) {
            onBody(ctx, content);
        }
        if (msg instanceof LastHttpContent) {
            bodyPending = false;
            if (closeAfterBody) {
                ctx.close();
            }
        }
    }

    private void onRequest(ChannelHandlerContext ctx, HttpRequest request) {
        keepAlive = HttpUtil.isKeepAlive(request);
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        HttpMethod method = request.method();
        if (method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD)) {
            download(ctx, uri.path(), method.equals(HttpMethod.HEAD));
            return;
        }
        if (!method.equals(HttpMethod.POST)) {
            refuse(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "method-not-allowed", method + " " + uri.path());
            return;
        }
        Matcher path = UPLOAD.matcher(uri.path());
        if (!path.matches()) {
            refuse(ctx, HttpResponseStatus.NOT_FOUND, "not-found", "no upload endpoint " + uri.path());
            return;
        }
        if (!auth.isValid(first(uri.parameters(), "auth"))) {
            refuse(ctx, HttpResponseStatus.UNAUTHORIZED, "unauthorized", "missing or expired media auth");
            return;
        }
        String token = Optional.ofNullable(first(uri.parameters(), "token")).orElse(path.group(1));
        Optional<byte[]> digest = decodeToken(token);
        if (digest.isEmpty()) {
            refuse(ctx, HttpResponseStatus.BAD_REQUEST, "invalid-token", "token is not a base64url SHA-256");
            return;
        }
        long declared = HttpUtil.getContentLength(request, -1L);
        if (declared > maxUploadBytes) {
            refuse(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "too-large", declared + " > " + maxUploadBytes + " bytes");
            return;
        }
        expectedDigest = digest.get();
        upload = blobs.begin();
    }

    private void onBody(ChannelHandlerContext ctx, HttpContent content) {
        upload.write(ByteBufUtil.getBytes(content.content()));
        if (upload.size() > maxUploadBytes) {
            upload.abort();
            upload = null;
            keepAlive = false;
            refuse(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "too-large", "body over " + maxUploadBytes + " bytes");
            return;
        }
        if (!(content instanceof LastHttpContent)) {
            return;
        }
        MediaBlobs.Upload done = upload;
        upload = null;
        byte[] digest = done.digest();
        if (!MessageDigest.isEqual(digest, expectedDigest)) {
            done.abort();
            refuse(ctx, HttpResponseStatus.BAD_REQUEST, "hash-mismatch", "body SHA-256 does not match the token");
            return;
        }
        MediaBlobs.Blob blob = done.finish(digest);
        String query = "?ccb=11-4&oh=" + HexFormat.of().formatHex(digest, 0, 8) + "&oe=" + Long.toHexString(blob.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", baseUrl + blob.directPath() + query + "&mms3=true");
        body.put("direct_path", blob.directPath() + query);
        body.put("handle", HexFormat.of().formatHex(digest, 8, 16));
        body.put("object_id", blob.directPath().substring(blob.directPath().lastIndexOf('/') + 1));
        respondJson(ctx, HttpResponseStatus.OK, body);
    }

    private void download(ChannelHandlerContext ctx, String path, boolean headOnly) {
        Optional<MediaBlobs.Blob> blob = blobs.find(path);
        if (blob.isEmpty()) {
            refuse(ctx, HttpResponseStatus.NOT_FOUND, "not-found", "no media at " + path);
            return;
        }
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_OCTET_STREAM)
                .set(HttpHeaderNames.CONTENT_LENGTH, blob.get().size());
        HttpUtil.setKeepAlive(response, keepAlive);
        ctx.write(response);
        if (headOnly) {
            finish(ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
            return;
        }
        try {
            FileChannel file = FileChannel.open(blob.get().file());
            finish(ctx.writeAndFlush(new HttpChunkedInput(new ChunkedNioFile(file, 64 * 1024))));
        } catch (IOException e) {
            LOG.warn("media: cannot read {}: {}", path, e.toString());
            ctx.close();
        }
    }

    private void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String code, String message) {
        LOG.info("media: {} {} ({})", status.code(), code, message);
        respondJson(ctx, status, Map.of("error", code, "message", message));
    }

    private void respondJson(ChannelHandlerContext ctx, HttpResponseStatus status, Object body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        HttpUtil.setKeepAlive(response, keepAlive && status.code() < 400);
        if (status.code() >= 400) {
            keepAlive = false;
        }
        finish(ctx.writeAndFlush(response));
    }

    private void finish(io.netty.channel.ChannelFuture written) {
        if (keepAlive) {
            return;
        }
        if (bodyPending) {
            closeAfterBody = true;
        } else {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** Base64url with or without padding (whatsmeow pads, Baileys strips), 32 bytes. */
    static Optional<byte[]> decodeToken(String token) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(token.replace("=", ""));
            return bytes.length == 32 ? Optional.of(bytes) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (upload != null) {
            upload.abort();
            upload = null;
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.info("media: connection error: {}", cause.toString());
        ctx.close();
    }
}
