package dev.hotpath.platform.web;

import io.javalin.http.Context;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who the client is and whether it came over HTTPS, as far as this server can know. By default the
 * client is the TCP peer and the scheme is the connection's own: headers are anyone's to write. Only
 * when the peer is one of the proxies named with {@code --trusted-proxy} are its
 * {@code X-Forwarded-For} (read from the right, skipping trusted proxies: the nearest address no
 * trusted proxy vouches for is the client) and {@code X-Forwarded-Proto} believed.
 */
public record TrustedProxies(Set<InetAddress> addresses) {

    /** Trust no proxy: the default. */
    public static final TrustedProxies NONE = new TrustedProxies(Set.of());

    /** IP literals only: a host name would make every request depend on DNS. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    public TrustedProxies {
        addresses = Set.copyOf(addresses);
    }

    /**
     * The proxies of these addresses (IP literals).
     *
     * @throws IllegalArgumentException naming the value that is not an IP address
     */
    public static TrustedProxies parse(Collection<String> values) {
        Set<InetAddress> addresses = new LinkedHashSet<>();
        for (String value : values) {
            addresses.add(literal(value.strip()).orElseThrow(() -> new IllegalArgumentException(
                    "--trusted-proxy takes the proxy's IP address, e.g. 127.0.0.1 or ::1; \"" + value + "\" is not one")));
        }
        return new TrustedProxies(addresses);
    }

    /**
     * The client's address as throttling counts it: an IPv4 address, or an IPv6 address's /64 prefix
     * (one subscriber usually holds a whole /64, so counting single IPv6 addresses would count nothing).
     */
    String clientKey(Context ctx) {
        InetAddress client = client(ctx);
        if (client instanceof Inet6Address) {
            byte[] prefix = Arrays.copyOf(client.getAddress(), 16);
            Arrays.fill(prefix, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException("16 bytes are an IPv6 address", e);
            }
        }
        return client.getHostAddress();
    }

    /** HTTPS on the connection, or, from a trusted proxy, as its {@code X-Forwarded-Proto} says. */
    boolean isHttps(Context ctx) {
        if ("https".equalsIgnoreCase(ctx.scheme())) {
            return true;
        }
        List<String> proto = headerValues(ctx, "X-Forwarded-Proto");
        return trusts(peer(ctx)) && !proto.isEmpty() && "https".equalsIgnoreCase(proto.get(proto.size() - 1));
    }

    /**
     * Whether a browser treats this page's origin as secure and so keeps {@code Secure} cookies:
     * HTTPS, or a loopback host ({@code localhost}, {@code *.localhost}, {@code 127.0.0.0/8},
     * {@code [::1]}), which browsers treat as secure even over plain HTTP.
     */
    boolean isSecureOrigin(Context ctx) {
        return isHttps(ctx) || isLoopbackHost(hostName(ctx.host()));
    }

    private InetAddress client(Context ctx) {
        InetAddress hop = peer(ctx);
        if (!trusts(hop)) {
            return hop;
        }
        List<String> forwarded = headerValues(ctx, "X-Forwarded-For");
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            Optional<InetAddress> address = literal(forwarded.get(i));
            if (address.isEmpty()) {
                return hop; // garbage where an address should be: the last hop we trust is all we know
            }
            hop = address.get();
            if (!trusts(hop)) {
                return hop;
            }
        }
        return hop;
    }

    private boolean trusts(InetAddress address) {
        return addresses.contains(address);
    }

    private static InetAddress peer(Context ctx) {
        return literal(ctx.req().getRemoteAddr()).orElseThrow(() ->
                new IllegalStateException("the connection's peer is not an IP address: " + ctx.req().getRemoteAddr()));
    }

    private static Optional<InetAddress> literal(String value) {
        String bare = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
        if (!IP_LITERAL.matcher(bare).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare)); // a literal: no DNS lookup
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String hostName(String hostHeader) {
        String host = hostHeader == null ? "" : hostHeader.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(1, end);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static boolean isLoopbackHost(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        return literal(host).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    /** Every comma-separated value of every {@code name} header, in order, stripped. */
    private static List<String> headerValues(Context ctx, String name) {
        List<String> values = new ArrayList<>();
        Enumeration<String> headers = ctx.req().getHeaders(name);
        while (headers != null && headers.hasMoreElements()) {
            for (String value : headers.nextElement().split(",", -1)) {
                values.add(value.strip());
            }
        }
        return values;
    }
}
