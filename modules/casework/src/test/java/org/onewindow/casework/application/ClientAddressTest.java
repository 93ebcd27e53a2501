package org.onewindow.casework.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who the throttle counts: the peer, unless a trusted load balancer forwards for someone. */
class ClientAddressTest {

    private static final Set<String> BALANCER = Set.of("10.1.0.5");

    @Test
    void withoutTrustedProxiesTheForwardedHeaderIsIgnored() {
        assertThat(ClientAddress.of("203.0.113.7", "198.51.100.1", Set.of())).isEqualTo("203.0.113.7");
    }

    @Test
    void aTrustedBalancerIsSeenThroughToTheCitizen() {
        assertThat(ClientAddress.of("10.1.0.5", "198.51.100.1", BALANCER)).isEqualTo("198.51.100.1");
        assertThat(ClientAddress.of("10.1.0.5", "198.51.100.2", BALANCER)).isEqualTo("198.51.100.2");
    }

    @Test
    void onlyTheHopTheTrustedProxySawCountsNotWhatTheClientWroteBeforeIt() {
        // The guesser sends its own X-Forwarded-For; the balancer appends the address it saw.
        assertThat(ClientAddress.of("10.1.0.5", "1.2.3.4, 198.51.100.1", BALANCER))
                .isEqualTo("198.51.100.1");
        // Behind two trusted proxies, the one nearest the citizen adds the citizen.
        assertThat(ClientAddress.of("10.1.0.5", "1.2.3.4, 198.51.100.1, 10.1.0.6", Set.of("10.1.0.5", "10.1.0.6")))
                .isEqualTo("198.51.100.1");
    }

    @Test
    void aHeaderFromAnUntrustedPeerOrAGarbledOneDoesNotChangeTheClient() {
        assertThat(ClientAddress.of("203.0.113.7", "10.1.0.5", BALANCER)).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.of("10.1.0.5", "unknown", BALANCER)).isEqualTo("10.1.0.5");
        assertThat(ClientAddress.of("10.1.0.5", "", BALANCER)).isEqualTo("10.1.0.5");
    }

    @Test
    void anIpv6ClientIsItsSlash64Network() {
        assertThat(ClientAddress.of("2001:db8:0:1::1", null, Set.of()))
                .isEqualTo(ClientAddress.of("2001:DB8:0:1:ffff:1:2:3", null, Set.of()))
                .isEqualTo("2001:db8:0:1:0:0:0:0/64");
        assertThat(ClientAddress.of("2001:db8:0:2::1", null, Set.of())).isEqualTo("2001:db8:0:2:0:0:0:0/64");
    }

    @Test
    void trustedProxiesAreComparedInOneForm() {
        assertThat(ClientAddress.canonical(" 2001:DB8::5 ")).isEqualTo(ClientAddress.canonical("2001:db8:0:0:0:0:0:5"));
        assertThat(ClientAddress.of("2001:db8::5", "198.51.100.1", Set.of(ClientAddress.canonical("2001:DB8::5"))))
                .isEqualTo("198.51.100.1");
    }
}
