package dev.privet.network.api;

import dev.privet.network.domain.NetworkRejected;
import dev.privet.runtime.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A rejected network command is the client's to fix: 400, with AWS's code and the field. */
public class NetworkRejectedMapper {
    @ServerExceptionMapper
    public Response rejected(NetworkRejected e) {
        return Problem.response(400, e.code(), e.field(), e.getMessage());
    }
}
