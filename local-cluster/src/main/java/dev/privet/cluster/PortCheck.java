package dev.privet.cluster;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/** Checks, before anything starts, that every port the cluster wants is free. */
final class PortCheck {

    private PortCheck() {
    }

    /** @throws PortInUseException naming the first taken port and what wanted it */
    static void requireFree(List<PortClaim> claims) {
        for (PortClaim claim : claims) {
            if (!tcpFree(claim.port()) || (claim.udpToo() && !udpFree(claim.port()))) {
                throw new PortInUseException(claim);
            }
        }
    }

    /**
     * Whether a TCP listener could bind the port on every address. Binding the wildcard address
     * also fails when another process listens on one address only (127.0.0.1 or ::1).
     */
    static boolean tcpFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // what servers do: sockets in TIME_WAIT do not count
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean udpFree(int port) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(port))) {
            return socket.isBound();
        } catch (IOException e) {
            return false;
        }
    }
}
