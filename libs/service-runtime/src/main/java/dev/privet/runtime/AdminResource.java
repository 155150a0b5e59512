package dev.privet.runtime;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** Operations on the service's consumers: list them, rebuild a read model from the log. */
@Path("/admin/consumers")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {
    private final EventRuntime runtime;

    AdminResource(EventRuntime runtime) {
        this.runtime = runtime;
    }

    @GET
    public List<Map<String, Object>> list() {
        return runtime.consumerNames().stream().map(name -> Map.<String, Object>of("name", name,
                "readModel", runtime.consumer(name).orElseThrow() instanceof Projection)).toList();
    }

    /** Drops the read model and replays its topics from offset zero; answers once it has caught up again. */
    @POST
    @Path("/{name}/rebuild")
    public Response rebuild(@PathParam("name") String name) {
        var consumer = runtime.consumer(name).orElseThrow(() ->
                ApiException.notFound("NotFound", "name", "no consumer named '" + name + "'"));
        if (!(consumer instanceof Projection)) {
            throw ApiException.invalid("name", name + " is a reaction, not a read model: it cannot be rebuilt");
        }
        runtime.rebuild(name);
        boolean caughtUp = runtime.awaitCaughtUp(name);
        return Response.ok(Map.of("name", name, "rebuilt", true, "caughtUp", caughtUp)).build();
    }
}
