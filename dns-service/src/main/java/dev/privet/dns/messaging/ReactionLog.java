package dev.privet.dns.messaging;

import dev.privet.dns.domain.EndpointDns;
import dev.privet.eventstore.DeciderRunner.Decided;
import org.jboss.logging.Logger;

/** What the reactions tell the log: the event they appended, or why their cause changed nothing. */
final class ReactionLog {
    private ReactionLog() {
    }

    static void log(Logger log, String vpcEndpointId, String cause, Decided<EndpointDns> decided) {
        if (decided.appended().isEmpty()) {
            log.debugf("%s: the %s changes nothing for names that are %s; ignored", vpcEndpointId, cause,
                    decided.state().getClass().getSimpleName());
        } else {
            log.infof("%s: %s", vpcEndpointId, decided.appended().getLast().type());
        }
    }
}
