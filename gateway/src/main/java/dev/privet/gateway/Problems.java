package dev.privet.gateway;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The gateway's own errors, as {@code application/problem+json} in the same shape the services use. */
final class Problems {
    static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    static void send(RoutingContext ctx, int status, String title, String code, String detail) {
        JsonObject problem = new JsonObject()
                .put("type", "urn:privet:problem:" + code)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("code", code);
        ctx.response().setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE).end(problem.encode());
    }
}
