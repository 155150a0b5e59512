package dev.privet.runtime;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Operations on the service's read models and consumers: list them, rebuild a read model. An own read model (inline)
 * is rebuilt from the event store; a view of other services' events from their topics.
 */
@Path("/admin/consumers")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {
    private final EventRuntime runtime;

    AdminResource(EventRuntime runtime) {
        this.runtime = runtime;
    }

    @GET
    public List<Map<String, Object>> list() {
        List<Map<String, Object>> all = new ArrayList<>();
        runtime.ownReadModelNames().forEach(name -> all.add(Map.of("name", name, "readModel", true, "source", "event-store")));
        runtime.consumerNames().forEach(name -> all.add(Map.of("name", name,
                "readModel", runtime.consumer(name).orElseThrow() instanceof Projection, "source", "kafka")));
        return all;
    }

    /**
     * Drops the read model and builds it again, in one transaction, and answers once that committed: an own model
     * from the event store, a view of other services' events from its topics up to their ends when the rebuild
     * began (what came after, the live channel applies).
     */
    @POST
    @Path("/{name}/rebuild")
    public Response rebuild(@PathParam("name") String name) {
        boolean own = runtime.ownReadModel(name).isPresent();
        if (!own) {
            var consumer = runtime.consumer(name).orElseThrow(() ->
                    Rejection.notFound(ErrorCode.NOT_FOUND, "name", "no read model named '" + name + "'"));
            if (!(consumer instanceof Projection)) {
                throw Rejection.invalidValue("name", name + " is a reaction, not a read model: it cannot be rebuilt");
            }
        }
        runtime.rebuild(name);
        return Response.ok(Map.of("name", name, "rebuilt", true, "caughtUp", true)).build();
    }
}
