package dev.privet.gateway.query;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** The lists in the services' JSON answers, as the actions read them. */
public final class JsonLists {
    private JsonLists() {
    }

    /** The objects of a JSON array, as a service lists its resources. */
    public static List<JsonObject> objects(JsonArray array) {
        return array.stream().map(JsonObject.class::cast).toList();
    }

    /** The strings of a JSON array field; none when the field is absent. */
    public static List<String> strings(JsonObject object, String field) {
        JsonArray array = object.getJsonArray(field);
        return array == null ? List.of() : array.stream().map(String::valueOf).toList();
    }
}
