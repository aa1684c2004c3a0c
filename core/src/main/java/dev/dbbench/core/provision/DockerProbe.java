package dev.dbbench.core.provision;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds out quickly whether a Docker engine answers, before Testcontainers is asked (which can
 * take many seconds to give up). A connection to the engine's socket is the test: a socket file
 * with no daemon behind it refuses at once.
 */
public final class DockerProbe {
    private DockerProbe() {}

    /** Where a reachable engine was found, or empty. Takes at most about {@code timeout} per candidate. */
    public static Optional<String> reachableEngine(Map<String, String> env, Duration timeout) {
        for (String candidate : candidates(env)) {
            if (answers(candidate, timeout)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static List<String> candidates(Map<String, String> env) {
        List<String> out = new ArrayList<>();
        String dockerHost = env.get("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            out.add(dockerHost);
            return out;
        }
        out.add("unix:///var/run/docker.sock");
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null) {
            out.add("unix://" + runtime + "/docker.sock");
        }
        String home = env.get("HOME");
        if (home != null) {
            out.add("unix://" + home + "/.docker/run/docker.sock");
        }
        return out;
    }

    private static boolean answers(String address, Duration timeout) {
        try {
            if (address.startsWith("unix://")) {
                Path socket = Path.of(address.substring("unix://".length()));
                if (!Files.exists(socket)) {
                    return false;
                }
                try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    return channel.connect(UnixDomainSocketAddress.of(socket));
                }
            }
            if (address.startsWith("tcp://")) {
                URI uri = URI.create(address);
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) timeout.toMillis());
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
