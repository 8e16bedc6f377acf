package io.tryx.simulator.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;

/** Netty glue for {@link AdminApi}: one JSON (or {@link AdminResponse.Raw}) answer per request, keep-alive honoured. */
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final AdminApi api;

    AdminHandler(AdminApi api) {
        this.api = api;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        String path = new QueryStringDecoder(request.uri()).path();
        byte[] body = ByteBufUtil.getBytes(request.content());
        api.handle(request.method().name(), path, body).whenComplete((response, failure) -> {
            AdminResponse answer = failure == null ? response
                    : AdminResponse.error(500, "internal-error", String.valueOf(failure));
            ctx.executor().execute(() -> write(ctx, answer, keepAlive));
        });
    }

    private static void write(ChannelHandlerContext ctx, AdminResponse answer, boolean keepAlive) {
        byte[] json;
        CharSequence contentType = HttpHeaderValues.APPLICATION_JSON;
        if (answer.body() instanceof AdminResponse.Raw raw) {
            json = raw.bytes();
            contentType = raw.contentType();
        } else {
            try {
                json = AdminApi.JSON.writeValueAsBytes(answer.body());
            } catch (JsonProcessingException e) {
                json = ("{\"error\":\"internal-error\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(json));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        HttpUtil.setContentLength(response, json.length);
        HttpUtil.setKeepAlive(response, keepAlive);
        var future = ctx.writeAndFlush(response);
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
