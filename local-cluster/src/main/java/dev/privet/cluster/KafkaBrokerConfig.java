package dev.privet.cluster;

import java.nio.file.Path;

/**
 * The files a single-node KRaft broker (broker and controller in one process) runs with:
 * {@code server.properties} and a Log4j 2 configuration that writes {@code server.log}. Both listen
 * on 127.0.0.1 only.
 *
 * @param port           the client listener (PLAINTEXT)
 * @param controllerPort the controller listener
 * @param logDirectory   where the broker keeps topic data and the metadata log
 */
record KafkaBrokerConfig(int port, int controllerPort, Path logDirectory) {

    static final String HOST = "127.0.0.1";

    String bootstrapServers() {
        return HOST + ":" + port;
    }

    String serverProperties() {
        String controller = HOST + ":" + controllerPort;
        return """
                # Written by the Privet local cluster at every start: edit LocalCluster, not this file.
                process.roles=broker,controller
                node.id=1
                controller.quorum.bootstrap.servers=%2$s
                listeners=PLAINTEXT://%1$s,CONTROLLER://%2$s
                advertised.listeners=PLAINTEXT://%1$s,CONTROLLER://%2$s
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
                num.partitions=1
                num.network.threads=2
                num.io.threads=4
                num.recovery.threads.per.data.dir=1
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(bootstrapServers(), controller, logDirectory.toAbsolutePath());
    }

    /** Log4j 2 XML: everything at INFO to {@code server.log} in {@code directory}, rolled at 50 MB. */
    static String log4jConfiguration(Path directory) {
        String file = directory.toAbsolutePath().resolve("server.log").toString();
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by the Privet local cluster at every start. -->
                <Configuration status="WARN">
                  <Appenders>
                    <RollingFile name="server" fileName="%1$s" filePattern="%1$s.%%i">
                      <PatternLayout pattern="[%%d] %%p %%m (%%c)%%n"/>
                      <Policies><SizeBasedTriggeringPolicy size="50 MB"/></Policies>
                      <DefaultRolloverStrategy max="3"/>
                    </RollingFile>
                  </Appenders>
                  <Loggers>
                    <Logger name="kafka.request.logger" level="WARN"/>
                    <Logger name="state.change.logger" level="WARN"/>
                    <Root level="INFO"><AppenderRef ref="server"/></Root>
                  </Loggers>
                </Configuration>
                """.formatted(xmlEscape(file));
    }

    private static String xmlEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
