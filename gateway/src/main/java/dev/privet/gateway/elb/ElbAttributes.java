package dev.privet.gateway.elb;

import dev.privet.gateway.Backend;
import dev.privet.gateway.query.JsonLists;
import dev.privet.gateway.query.QueryCall;
import dev.privet.gateway.query.QueryFault;
import dev.privet.gateway.query.QueryParameters;
import dev.privet.gateway.query.XmlBody;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The attributes of target groups, load balancers and listeners, which Elastic Load Balancing shapes alike: asked for
 * as {@code Attributes.member.N.Key} and {@code .Value}, answered as {@code Attributes} of {@code member}s with
 * {@code Key} and {@code Value}. network-service checks the keys and values; the gateway only carries them.
 */
final class ElbAttributes {
    private ElbAttributes() {
    }

    /** The request's attributes as network-service takes them, {@code {"attributes":[{"key","value"}]}}. */
    static JsonObject request(QueryParameters p) {
        JsonArray attributes = new JsonArray();
        for (Map<String, String> member : p.members("Attributes.member", Set.of("Key", "Value"))) {
            attributes.add(new JsonObject().put("key", member.get("Key")).put("value", member.get("Value")));
        }
        if (attributes.isEmpty()) {
            throw QueryFault.missing("Attributes.member.1.Key");
        }
        return new JsonObject().put("attributes", attributes);
    }

    /**
     * Reads the attributes at {@code path} of network-service, or changes them with {@code change}: the answer is
     * every attribute, either way.
     */
    static Consumer<XmlBody> body(QueryCall call, String path, Optional<JsonObject> change) {
        return body(change.isPresent()
                ? call.services().postForList(Backend.NETWORK, path, call.caller(), change.get())
                : call.services().list(Backend.NETWORK, path, call.caller()));
    }

    /** Every attribute network-service answered, as AWS answers them. */
    private static Consumer<XmlBody> body(JsonArray attributes) {
        return body -> body.members("Attributes", JsonLists.objects(attributes), (out, a) -> out
                .text("Key", a.getString("key")).text("Value", a.getString("value")));
    }
}
