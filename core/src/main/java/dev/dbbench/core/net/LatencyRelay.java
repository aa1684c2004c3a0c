package dev.dbbench.core.net;

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
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on 127.0.0.1 that puts a network's distance between clients and a server: every
 * chunk of bytes is forwarded half a round trip after it arrived, in each direction. Kernel traffic
 * shaping (netem) is not available on the machines this runs on, so the delay is added here.
 *
 * <p>A pipe with latency, not stop-and-wait: each chunk's delay counts from its own arrival, so
 * pipelined traffic (COPY, a Vert.x pipeline) keeps its throughput and only waits once. Bytes keep
 * their order and are never dropped: reading pauses (backpressure) when the receiving side cannot
 * take more, or when more than {@link #MAX_IN_FLIGHT} bytes are on their way in one direction, as
 * a real link holds only so much.
 *
 * <p>A new connection also pays the TCP handshake a real network costs (one round trip before the
 * client can send): the kernel completes the client's {@code connect} on loopback at once, so the
 * client's first bytes are held until a round trip after the connection was accepted, then
 * delayed like any others. A connection per request pays its distance that way too.
 *
 * <p>With a zero round trip the relay forwards at once (no clock), so {@code 0} measures the
 * relay's own cost, the baseline the other round trips are compared with.
 */
public final class LatencyRelay implements AutoCloseable {
    /** Bytes one direction may hold in flight before it stops reading from its sender. */
    static final long MAX_IN_FLIGHT = 4L << 20;

    private final RoundTrip roundTrip;
    private final InetSocketAddress target;
    private final long oneWayNanos;
    private final EventLoopGroup group;
    private final ChannelGroup channels;
    private final DelayLine clock;
    private final Channel listener;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LatencyRelay(RoundTrip roundTrip, InetSocketAddress target) {
        this.roundTrip = roundTrip;
        this.target = target;
        this.oneWayNanos = roundTrip.oneWay().toNanos();
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("dbbench-relay-" + roundTrip.label(), true), NioIoHandler.newFactory());
        this.channels = new DefaultChannelGroup(group.next());
        this.clock = roundTrip.isZero() ? null : new DelayLine("dbbench-relay-clock-" + roundTrip.label());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // Nothing is read from a client until its connection to the server is up.
                .childOption(ChannelOption.AUTO_READ, false)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel client) {
                        channels.add(client);
                        client.pipeline().addLast(new ClientSide(System.nanoTime()));
                    }
                });
        try {
            this.listener = bootstrap.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("[relay] interrupted while opening a port on 127.0.0.1", e);
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("[relay] cannot open a port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /**
     * Starts a relay on an ephemeral port of 127.0.0.1 in front of {@code host:port}. Close it to
     * stop it; its threads are daemons, so one left open does not keep the JVM alive.
     */
    public static LatencyRelay start(String host, int port, RoundTrip roundTrip) {
        Objects.requireNonNull(roundTrip, "roundTrip");
        return new LatencyRelay(roundTrip, InetSocketAddress.createUnresolved(host, port));
    }

    public RoundTrip roundTrip() {
        return roundTrip;
    }

    /** The address clients connect to. */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    /** Closes every relayed connection and the listening port, and stops the relay's threads. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (listener != null) {
            listener.close().awaitUninterruptibly();
        }
        channels.close().awaitUninterruptibly();
        if (clock != null) {
            clock.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    @Override
    public String toString() {
        return "relay 127.0.0.1:" + (listener == null ? "?" : address().getPort()) + " -> " + target.getHostString() + ":" + target.getPort()
                + " (round trip " + roundTrip.label() + ")";
    }

    /**
     * One direction of a relayed connection: bytes read from {@code from} are written to {@code to}
     * half a round trip later. Runs on the connection's event loop (both channels share it), except
     * the clock's hand-over, which goes back to that loop.
     */
    private final class Direction {
        private final Channel from;
        private final Channel to;
        /** No byte leaves before this time ({@link System#nanoTime()}): the emulated handshake. */
        private final long notBefore;
        private final AtomicLong inFlight = new AtomicLong();

        Direction(Channel from, Channel to, long notBefore) {
            this.from = from;
            this.to = to;
            this.notBefore = notBefore;
        }

        void received(ByteBuf bytes) {
            if (clock == null) {
                to.writeAndFlush(bytes).addListener(closeBothOnFailure());
                updateReading();
                return;
            }
            int size = bytes.readableBytes();
            inFlight.addAndGet(size);
            long now = System.nanoTime();
            long deadline = (now - notBefore < 0 ? notBefore : now) + oneWayNanos;
            clock.add(deadline, () -> to.eventLoop().execute(() -> {
                inFlight.addAndGet(-size);
                to.writeAndFlush(bytes).addListener(closeBothOnFailure());
                updateReading();
            }), () -> ReferenceCountUtil.release(bytes));
            updateReading();
        }

        /** The sender closed: the receiver is closed too, after the bytes still on their way. */
        void ended() {
            if (clock == null) {
                closeWhenFlushed(to);
                return;
            }
            long now = System.nanoTime();
            long deadline = (now - notBefore < 0 ? notBefore : now) + oneWayNanos;
            clock.add(deadline, () -> to.eventLoop().execute(() -> closeWhenFlushed(to)), () -> to.close());
        }

        /** Reads while the receiver takes more and the link is not full; else waits (backpressure). */
        void updateReading() {
            boolean read = to.isActive() && to.isWritable() && inFlight.get() < MAX_IN_FLIGHT;
            if (from.config().isAutoRead() != read && from.isActive()) {
                from.config().setAutoRead(read);
            }
        }

        private ChannelFutureListener closeBothOnFailure() {
            return f -> {
                if (!f.isSuccess()) {
                    from.close();
                    to.close();
                }
            };
        }
    }

    private static void closeWhenFlushed(Channel channel) {
        if (channel.isActive()) {
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The accepted client's side: connects to the server, then relays what the client sends. */
    private final class ClientSide extends ChannelInboundHandlerAdapter {
        private final long accepted;
        private Direction up;
        private ServerSide serverSide;

        ClientSide(long accepted) {
            this.accepted = accepted;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            Channel client = ctx.channel();
            serverSide = new ServerSide();
            ChannelFuture connecting = new Bootstrap()
                    .group(client.eventLoop())
                    .channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.AUTO_READ, false)
                    .handler(serverSide)
                    .connect(target.getHostString(), target.getPort());
            Channel server = connecting.channel();
            channels.add(server);
            up = new Direction(client, server, accepted + 2 * oneWayNanos);
            serverSide.down = new Direction(server, client, accepted);
            serverSide.up = up;
            connecting.addListener(f -> {
                if (f.isSuccess() && !client.isActive()) {
                    // The client left while the server connection was being made.
                    server.close();
                } else if (f.isSuccess()) {
                    up.updateReading();
                    serverSide.down.updateReading();
                } else {
                    // The client sees a closed connection, as it would see a refused one.
                    client.close();
                }
            });
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            up.received((ByteBuf) msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (up != null) {
                up.ended();
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            // The client can take more (or less): what the server sends it may be read again (or not).
            if (serverSide != null) {
                serverSide.down.updateReading();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** The connection to the server: relays what the server sends back to the client. */
    private static final class ServerSide extends ChannelInboundHandlerAdapter {
        private Direction down;
        private Direction up;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            down.received((ByteBuf) msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            down.ended();
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            up.updateReading();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
