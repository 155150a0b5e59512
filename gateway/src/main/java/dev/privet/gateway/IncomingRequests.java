package dev.privet.gateway;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.gateway.auth.IncomingRequest;
import dev.privet.gateway.query.QueryFault;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A routed request, with its body read, as the signature checks see it. */
public final class IncomingRequests {
    /** More query parameters than any request needs; the rest are not decoded. */
    public static final int MAX_PARAMETERS = 1000;

    private IncomingRequests() {
    }

    public static IncomingRequest of(RoutingContext ctx) {
        var in = ctx.request();
        Map<String, List<String>> headers = new HashMap<>();
        in.headers().forEach(h -> headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT),
                k -> new ArrayList<>()).add(h.getValue()));
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        return new IncomingRequest(in.method().name(), in.path(), decode(in.query() == null ? "" : in.query()),
                headers, body);
    }

    /** Form or query-string parameters, decoded; bad percent-encoding is {@code MalformedQueryString}. */
    public static Map<String, List<String>> decode(String encoded) {
        try {
            return new QueryStringDecoder(encoded, StandardCharsets.UTF_8, false, MAX_PARAMETERS + 1).parameters();
        } catch (IllegalArgumentException e) {
            throw QueryFault.of(ErrorCode.MALFORMED_QUERY_STRING, "The parameters are not validly encoded");
        }
    }
}
