package io.callstream.ingress;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Optional;

/** This machine's addresses, for checks that something is not reachable from the network. */
final class NetworkInterfaces {

    private NetworkInterfaces() {
    }

    static Optional<InetAddress> firstNonLoopbackIpv4() {
        try {
            return NetworkInterface.networkInterfaces()
                    .filter(NetworkInterfaces::isUp)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                    .findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static boolean isUp(NetworkInterface networkInterface) {
        try {
            return networkInterface.isUp() && !networkInterface.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
