package com.example.websockets.production;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Behind a reverse proxy, every client arrives from the proxy's address, over plain HTTP. For a
 * request whose peer is one of {@code TRUSTED_PROXIES} (addresses or ranges such as
 * {@code 10.0.0.0/8}), Jetty's own forwarded-request support reads the client's address and
 * scheme from {@code Forwarded} or {@code X-Forwarded-For} and {@code X-Forwarded-Proto}; anyone
 * else's such headers are ignored, so a client can't pick its own address.
 */
final class TrustedProxies implements HttpConfiguration.Customizer {

    /** An address and how many of its leading bits a peer must share with it. */
    private record Range(byte[] network, int bits) {

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();
    private final List<Range> trusted;

    private TrustedProxies(List<Range> trusted) {
        this.trusted = trusted;
    }

    /** The proxies listed, or an exception that names the entry it can't read. */
    static TrustedProxies of(Set<String> listed) {
        return new TrustedProxies(listed.stream().map(TrustedProxies::range).toList());
    }

    boolean trusts(InetAddress peer) {
        return trusted.stream().anyMatch(range -> range.contains(peer));
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable headers) {
        SocketAddress peer = request.getConnectionMetaData().getRemoteSocketAddress();
        boolean fromProxy = peer instanceof InetSocketAddress address
                && address.getAddress() != null && trusts(address.getAddress());
        return fromProxy ? forwarded.customize(request, headers) : request;
    }

    // "10.0.0.0/8", "192.168.1.7", "::1", "fd00::/8": literal addresses only, never a name to
    // look up.
    private static Range range(String entry) {
        String[] parts = entry.split("/", 2);
        try {
            if (!parts[0].matches("[0-9a-fA-F:.]+")) {
                throw new UnknownHostException(entry);
            }
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            int bits = parts.length == 1 ? network.length * 8 : Integer.parseInt(parts[1]);
            if (bits < 0 || bits > network.length * 8) {
                throw new NumberFormatException();
            }
            return new Range(network, bits);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException(
                    "TRUSTED_PROXIES must list addresses or ranges such as 10.0.0.0/8,"
                            + " but has '" + entry + "'");
        }
    }
}
