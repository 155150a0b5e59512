package dev.privet.gateway.ec2;

import dev.privet.gateway.query.QueryFault;
import dev.privet.gateway.query.XmlBody;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * EC2's batch deletes ({@code DeleteVpcEndpoints}, {@code DeleteVpcEndpointServiceConfigurations}): each id is deleted
 * on its own; one its service refuses becomes an {@code unsuccessful} item with the error, and the others go on. A
 * service that does not answer (5xx) fails the whole request, which is safe to retry: a delete is idempotent.
 */
final class UnsuccessfulItems {
    private UnsuccessfulItems() {
    }

    /** Runs {@code delete} on each id, in order; the ids it refused, with why. */
    static List<Map.Entry<String, QueryFault>> deleteEach(List<String> ids, Consumer<String> delete) {
        List<Map.Entry<String, QueryFault>> unsuccessful = new ArrayList<>();
        for (String id : ids) {
            try {
                delete.accept(id);
            } catch (QueryFault fault) {
                if (fault.status() >= 500) {
                    throw fault;
                }
                unsuccessful.add(Map.entry(id, fault));
            }
        }
        return unsuccessful;
    }

    /** {@code <unsuccessful><item><error><code/><message/></error><resourceId/></item>...</unsuccessful>}. */
    static void write(XmlBody body, List<Map.Entry<String, QueryFault>> unsuccessful) {
        body.set("unsuccessful", unsuccessful, (out, failure) -> out
                .element("error", error -> error
                        .text("code", failure.getValue().code().wire())
                        .text("message", failure.getValue().getMessage()))
                .text("resourceId", failure.getKey()));
    }
}
