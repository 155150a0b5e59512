package dev.privet.gateway.ec2;

import dev.privet.gateway.query.QueryFault;
import dev.privet.gateway.query.QueryParameters;
import dev.privet.gateway.query.Shown;
import dev.privet.gateway.query.XmlBody;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * EC2's tags on the wire: {@code Tag.N.Key}/{@code Tag.N.Value} lists, a create's {@code TagSpecification.N}, and
 * {@code tagSet} on what a Describe shows. The services hold the tags and check them ({@code [{key, value}]} in
 * their JSON); this only translates.
 */
final class Tags {
    private Tags() {
    }

    /**
     * The tags of {@code prefix.N.Key} / {@code prefix.N.Value}. A key is required; a missing value is empty when
     * tags are added, and "whatever the value" when they are removed.
     */
    static JsonArray list(QueryParameters params, String prefix, boolean adding) {
        JsonArray tags = new JsonArray();
        for (int n : params.indexes(prefix)) {
            String at = prefix + "." + n;
            JsonObject tag = new JsonObject().put("key", params.required(at + ".Key"));
            var value = params.optional(at + ".Value");
            if (value.isPresent() || adding) {
                tag.put("value", value.orElse(""));
            }
            tags.add(tag);
        }
        return tags;
    }

    /**
     * Puts the tags a create's {@code TagSpecification.N} asks for into the service's {@code request}, if it asks for
     * any: each specification must name {@code resourceType}, the type the action creates, as EC2 requires.
     */
    static JsonObject specified(QueryParameters params, String resourceType, JsonObject request) {
        JsonArray tags = new JsonArray();
        for (int n : params.indexes("TagSpecification")) {
            String at = "TagSpecification." + n;
            String type = params.required(at + ".ResourceType");
            if (!type.equals(resourceType)) {
                throw QueryFault.invalidValue("The resource type " + Shown.of(type) + " in " + at
                        + ".ResourceType is not valid here; this action creates a " + resourceType);
            }
            tags.addAll(list(params, at + ".Tag", true));
        }
        return tags.isEmpty() ? request : request.put("tags", tags);
    }

    /** The tags of a resource as a service answered it, by key. */
    static Map<String, String> of(JsonObject resource) {
        Map<String, String> byKey = new LinkedHashMap<>();
        resource.getJsonArray("tags", new JsonArray()).forEach(tag -> {
            JsonObject t = (JsonObject) tag;
            byKey.put(t.getString("key"), t.getString("value", ""));
        });
        return byKey;
    }

    /** The resource's {@code tagSet}. */
    static void write(XmlBody out, JsonObject resource) {
        Set<Map.Entry<String, String>> tags = of(resource).entrySet();
        out.set("tagSet", tags, (item, tag) -> item.text("key", tag.getKey()).text("value", tag.getValue()));
    }
}
