package dev.privet.network.dataplane;

import dev.privet.contracts.events.Values.Target;
import dev.privet.network.domain.ForwardingTable.Binding;
import dev.privet.network.domain.ForwardingTable.CheckedTarget;
import io.micrometer.core.instrument.Counter;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.haproxy.HAProxyMessageEncoder;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import org.jboss.logging.Logger;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The sockets of the data plane: a TCP listener per {@link Binding}, and each connection accepted there relayed byte
 * for byte to one target and back, on Netty's event loops (no thread per connection). A connection's target is
 * chosen by a hash of the client's address and port among the targets its binding has at that moment, as a network
 * load balancer's flow hash does; when it does not accept, the next one is tried, and with none left the client's
 * connection is reset at once rather than left hanging.
 *
 * <p>The transport is Netty's native epoll where it loads (Linux on x86_64), else the JDK's NIO: the JDK's NIO makes
 * several system calls per connection more (see docs/benchmarks.md). On epoll a binding has one listening socket per
 * event loop ({@code SO_REUSEPORT}): the kernel spreads new connections among them, and each connection, with its
 * target's side, is served on the loop that accepted it, with no hand-off between threads. On NIO one acceptor thread
 * hands each connection to an event loop. Native epoll reads a client that half-closes
 * (EPOLLRDHUP) even before it was asked to, perhaps before the target is connected: what arrives then is held and
 * sent first once it is, and the half-close after it.
 *
 * <p>A target group with {@code proxy_protocol_v2.enabled} gets a {@link ProxyHeader} before the client's first byte.
 * Connections are remembered until they close, so that those of a deregistered target or a released endpoint can be
 * drained: closed after a delay, unless their ends close them first.
 *
 * <p>Reading is demand-driven: each side is read again only once what it sent was written to the other, so a slow
 * reader slows its writer instead of filling memory. A half-close travels through (a client that shuts its output
 * still gets the answer), and a connection ends when both directions have.
 */
final class TcpForwarder implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TcpForwarder.class);

    /** Netty's native epoll transport where it loads (Linux on x86_64), else the JDK's NIO. */
    private static final boolean EPOLL = Epoll.isAvailable();

    /** NIO's acceptor thread; none on epoll, where the event loops accept. */
    private final Optional<EventLoopGroup> acceptors;
    private final EventLoopGroup relays;
    /** What binds a binding's sockets: one per event loop on epoll, one on NIO. */
    private final List<ServerBootstrap> servers = new ArrayList<>();
    /**
     * The settings of a connection to a target, cloned for each: made once, since {@code Bootstrap.channel(Class)}
     * looks the class's constructor up by reflection every time it is called.
     */
    private final Bootstrap targets;
    private final Function<Binding, Plan> routes;
    private final int connectTimeoutMillis;
    private final DataPlaneMetrics metrics;
    /** Every forwarded connection, by the client's channel, so that those of a target or an endpoint can be drained. */
    private final Map<Channel, Connection> connections = new ConcurrentHashMap<>();

    /** Where a new connection to a binding may go, in order, and the endpoint it comes through. */
    record Plan(String vpcEndpointId, List<Destination> destinations) {
    }

    /** A target, and whether its group wants a PROXY protocol v2 header before the client's bytes. */
    record Destination(CheckedTarget target, boolean proxyProtocolV2) {
    }

    /** A forwarded connection: where the client connected, and the target it was relayed to. */
    record Connection(Binding binding, CheckedTarget target) {
    }

    /** The listening sockets of one binding. */
    record Listener(List<Channel> sockets) {
    }

    /** {@code routes} answers a binding's plan at the moment a connection arrives; it is called on event loops. */
    TcpForwarder(Function<Binding, Plan> routes, int threads, Duration connectTimeout, DataPlaneMetrics metrics) {
        this.routes = routes;
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
        this.metrics = metrics;
        this.relays = group(threads, "data-plane");
        this.targets = new Bootstrap().channelFactory(EPOLL ? EpollSocketChannel::new : NioSocketChannel::new)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis);
        if (EPOLL) {
            acceptors = Optional.empty();
            for (EventExecutor loop : relays) {
                EventLoop own = (EventLoop) loop;
                servers.add(server(own, own).channel(EpollServerSocketChannel.class)
                        .option(EpollChannelOption.SO_REUSEPORT, true));
            }
        } else {
            acceptors = Optional.of(group(1, "data-plane-accept"));
            servers.add(server(acceptors.get(), relays).channel(NioServerSocketChannel.class));
        }
        LOG.infof("The data plane relays on %s", EPOLL ? "native epoll"
                : "NIO (native epoll is not available: " + Epoll.unavailabilityCause() + ")");
    }

    /** Accepts on {@code accepting} and serves each connection on {@code serving}, as a relay's client side. */
    private ServerBootstrap server(EventLoopGroup accepting, EventLoopGroup serving) {
        return new ServerBootstrap().group(accepting, serving)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel client) {
                        client.pipeline().addLast(new Relay(null));
                    }
                });
    }

    private static EventLoopGroup group(int threads, String name) {
        DefaultThreadFactory factory = new DefaultThreadFactory(name);
        return EPOLL ? new EpollEventLoopGroup(threads, factory) : new NioEventLoopGroup(threads, factory);
    }

    /**
     * Listens on the binding with every socket or none; empty, with the reason logged, when the address and port
     * cannot be bound.
     */
    Optional<Listener> listen(Binding binding) {
        List<Channel> sockets = new ArrayList<>();
        for (ServerBootstrap server : servers) {
            ChannelFuture bound = server.bind(binding.address(), binding.port()).awaitUninterruptibly();
            if (!bound.isSuccess()) {
                stopListening(new Listener(sockets));
                LOG.warnf("The data plane cannot listen on %s:%d (%s). %s", binding.address(), binding.port(),
                        bound.cause().getMessage(), binding.port() < 1024
                                ? "Ports below 1024 need root, or sysctl net.ipv4.ip_unprivileged_port_start=0."
                                : "Another process may hold it, or privet.data-plane.pool is not an address of "
                                        + "this host.");
                return Optional.empty();
            }
            sockets.add(bound.channel());
        }
        return Optional.of(new Listener(List.copyOf(sockets)));
    }

    /** Stops accepting on a listener; the connections it accepted go on until drained or closed by their ends. */
    void stopListening(Listener listener) {
        listener.sockets().forEach(socket -> socket.close().awaitUninterruptibly());
    }

    /** Closes the connections that {@code which} selects once {@code delay} has passed, unless their ends do first. */
    void drain(Predicate<Connection> which, Duration delay) {
        connections.forEach((client, connection) -> {
            if (which.test(connection)) {
                client.eventLoop().schedule(() -> client.close(), delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    /** The connections relayed now. */
    int openConnections() {
        return connections.size();
    }

    @Override
    public void close() {
        acceptors.ifPresent(group -> group.shutdownGracefully(0, 0, TimeUnit.SECONDS).awaitUninterruptibly());
        relays.shutdownGracefully(0, 0, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    /** Connects the accepted client to its binding's targets, trying them in flow-hash order. */
    private void connect(Channel client, Relay clientSide) {
        InetSocketAddress local = (InetSocketAddress) client.localAddress();
        Binding binding = new Binding(local.getAddress().getHostAddress(), local.getPort());
        Plan plan = routes.apply(binding);
        InetSocketAddress remote = (InetSocketAddress) client.remoteAddress();
        int first = plan.destinations().isEmpty() ? 0 : Math.floorMod(flowHash(remote), plan.destinations().size());
        tryTarget(client, clientSide, binding, plan, first, 0);
    }

    private void tryTarget(Channel client, Relay clientSide, Binding binding, Plan plan, int first, int tried) {
        List<Destination> destinations = plan.destinations();
        if (tried == destinations.size()) {
            clientSide.discardEarly();
            metrics.refused.increment();
            reset(client);
            return;
        }
        Destination destination = destinations.get((first + tried) % destinations.size());
        Target target = destination.target().target();
        targets.clone(client.eventLoop())
                .handler(new Relay(client))
                .connect(target.host(), target.port())
                .addListener((ChannelFuture connected) -> {
                    if (connected.isSuccess()) {
                        Channel backend = connected.channel();
                        connections.put(client, new Connection(binding, destination.target()));
                        metrics.connected.increment();
                        client.closeFuture().addListener(closed -> connections.remove(client));
                        if (destination.proxyProtocolV2()) {
                            backend.pipeline().addFirst(HAProxyMessageEncoder.INSTANCE);
                            backend.writeAndFlush(ProxyHeader.v2((InetSocketAddress) client.remoteAddress(),
                                    (InetSocketAddress) client.localAddress(), plan.vpcEndpointId()));
                        }
                        clientSide.connected(client, backend);
                    } else if (client.isActive()) {
                        tryTarget(client, clientSide, binding, plan, first, tried + 1);
                    }
                });
    }

    /**
     * The client's address and port, mixed (MurmurHash3's finalizer) so that every bit of the port counts: Linux gives
     * connect() even ephemeral ports first, so a plain sum would send one client's connections all to one target.
     */
    private static int flowHash(InetSocketAddress client) {
        int h = client.getAddress().hashCode() * 31 + client.getPort();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /** Closes with a TCP reset, so the client learns at once that nothing serves it. */
    private static void reset(Channel client) {
        client.config().setOption(ChannelOption.SO_LINGER, 0);
        client.close();
    }

    /**
     * One side of a forwarded connection, writing what it reads to its peer. The client's side starts with no peer
     * and connects one when it becomes active; a target's side is made with the client as its peer. Both sides run
     * on the client's event loop.
     */
    private final class Relay extends ChannelInboundHandlerAdapter {
        private Channel peer;
        private final Counter relayed;
        /** What the client sent before its target was connected, and whether it shut its output meanwhile. */
        private final List<Object> early = new ArrayList<>();
        private boolean inputShutEarly;

        Relay(Channel peer) {
            this.peer = peer;
            this.relayed = peer == null ? metrics.fromClients : metrics.fromTargets;
        }

        /** The client's target accepted: what the client sent meanwhile goes first, then the relay reads on. */
        void connected(Channel client, Channel target) {
            peer = target;
            early.forEach(target::write);
            early.clear();
            if (inputShutEarly) {
                SocketChannel other = (SocketChannel) target;
                other.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(flushed -> other.shutdownOutput());
            } else {
                target.flush();
                client.read();
            }
        }

        /** Nothing will carry what the client sent early: its buffers go back to the pool. */
        void discardEarly() {
            early.forEach(ReferenceCountUtil::release);
            early.clear();
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            if (peer == null) {
                connect(ctx.channel(), this);
            } else {
                ctx.read();
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (message instanceof ByteBuf bytes) {
                relayed.increment(bytes.readableBytes());
            }
            if (peer == null) {
                early.add(message); // a transport may read before it was asked to (native epoll on a half-close)
                return;
            }
            peer.writeAndFlush(message).addListener((ChannelFuture written) -> {
                if (written.isSuccess()) {
                    ctx.read();
                } else {
                    ctx.close();
                }
            });
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof ChannelInputShutdownEvent && peer == null) {
                inputShutEarly = true; // passed on once the target is connected
            } else if (event instanceof ChannelInputShutdownEvent) {
                SocketChannel self = (SocketChannel) ctx.channel();
                SocketChannel other = (SocketChannel) peer;
                other.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFuture flushed) ->
                        other.shutdownOutput().addListener(done -> closeWhenBothShut(other)));
                closeWhenBothShut(self);
            }
        }

        /** Closes the peer once what was written to it is flushed; a peer whose output is shut has nothing left. */
        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            discardEarly();
            if (peer == null || !peer.isActive()) {
                return;
            }
            if (((SocketChannel) peer).isOutputShutdown()) {
                peer.close();
            } else {
                peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            metrics.broken.increment();
            ctx.close();
        }

        private static void closeWhenBothShut(SocketChannel channel) {
            if (channel.isInputShutdown() && channel.isOutputShutdown()) {
                channel.close();
            }
        }
    }
}
