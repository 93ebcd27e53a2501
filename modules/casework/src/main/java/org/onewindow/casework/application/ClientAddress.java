package org.onewindow.casework.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who asks at a public lookup, as the {@link ProgressThrottle} counts clients: the address the request came from, or,
 * when it came from a proxy the deployment trusts ({@code onewindow.trusted-proxies}, environment
 * {@code ONEWINDOW_TRUSTED_PROXIES}: a comma-separated list of the load balancers' addresses), the nearest address in
 * {@code X-Forwarded-For} that is not a trusted proxy. Without trusted proxies the header is ignored: anyone can send
 * it, and a guesser would pick a fresh address per try. An IPv6 client is its /64 network, the smallest block a
 * provider hands one subscriber.
 */
@ApplicationScoped
public class ClientAddress {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    // A plain text split here: Payara's config producer cannot inject an Optional<List<String>>.
    @Inject
    @ConfigProperty(name = "onewindow.trusted-proxies")
    Optional<String> trustedProxies;

    /** The client of a request. */
    public String of(HttpServletRequest request) {
        Set<String> trusted = Stream.of(trustedProxies.orElse("").split(","))
                .filter(address -> !address.isBlank())
                .map(ClientAddress::canonical)
                .collect(Collectors.toUnmodifiableSet());
        return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trusted);
    }

    /**
     * The client for a connection from {@code remote} carrying {@code forwardedFor}.
     *
     * @param remote the connection's peer address
     * @param forwardedFor the {@code X-Forwarded-For} header, or null; read only when {@code remote} is trusted
     * @param trusted the trusted proxies' addresses, {@link #canonical} form
     * @return the client's address (an IPv6 one as its /64 network, e.g. {@code 2001:db8:0:1::/64})
     */
    static String of(String remote, String forwardedFor, Set<String> trusted) {
        String client = canonical(remote);
        if (forwardedFor != null && trusted.contains(client)) {
            List<String> hops = List.of(forwardedFor.split(","));
            // From the nearest hop outwards: each trusted proxy vouches for the address before it.
            for (int i = hops.size() - 1; i >= 0; i--) {
                String hop = canonical(hops.get(i));
                if (!IP_LITERAL.matcher(hop).matches()) {
                    break;
                }
                client = hop;
                if (!trusted.contains(hop)) {
                    break;
                }
            }
        }
        return network(client);
    }

    /** An address as written, stripped and lower case; an IPv6 literal in its full form. */
    static String canonical(String address) {
        String text = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        if (text.contains(":") && IP_LITERAL.matcher(text).matches()) {
            try {
                // A literal: parsed, never looked up.
                return InetAddress.getByName(text).getHostAddress();
            } catch (UnknownHostException notALiteral) {
                return text;
            }
        }
        return text;
    }

    private static String network(String address) {
        if (!address.contains(":") || !IP_LITERAL.matcher(address).matches()) {
            return address;
        }
        try {
            InetAddress parsed = InetAddress.getByName(address);
            if (!(parsed instanceof Inet6Address)) {
                return parsed.getHostAddress();
            }
            byte[] bytes = parsed.getAddress();
            for (int i = 8; i < 16; i++) {
                bytes[i] = 0;
            }
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException notALiteral) {
            return address;
        }
    }
}
