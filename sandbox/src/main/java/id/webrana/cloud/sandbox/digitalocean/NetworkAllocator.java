package id.webrana.cloud.sandbox.digitalocean;

import java.util.HashSet;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Hands out addresses that are unique among the live droplets: public IPv4 from the documentation ranges
 * (203.0.113.0/24, then 198.51.100.0/24, then 192.0.2.0/24, 759 addresses; nothing real answers there),
 * private IPv4 from 10.130.0.0/16 and public IPv6 from 2001:db8::/32.
 *
 * <p>Allocation walks each pool round-robin, so a released address is only reused after the whole pool
 * has been handed out once. Not thread-safe: the {@link DropletSimulator} serialises access.
 */
public final class NetworkAllocator {

    private static final String[] PUBLIC_BLOCKS = {"203.0.113.", "198.51.100.", "192.0.2."};
    private static final int HOSTS_PER_BLOCK = 253; // .2 .. .254; .1 is the gateway

    /** Netmask of the public IPv4 interface. */
    public static final String PUBLIC_NETMASK = "255.255.255.0";
    /** Netmask of the private IPv4 interface. */
    public static final String PRIVATE_NETMASK = "255.255.0.0";
    /** Gateway of the simulated IPv6 network. */
    public static final String IPV6_GATEWAY = "2001:db8:0:1::1";

    private final Pool publicV4 = new Pool(PUBLIC_BLOCKS.length * HOSTS_PER_BLOCK,
            i -> PUBLIC_BLOCKS[i / HOSTS_PER_BLOCK] + (i % HOSTS_PER_BLOCK + 2));
    private final Pool privateV4 = new Pool(256 * HOSTS_PER_BLOCK,
            i -> "10.130." + (i / HOSTS_PER_BLOCK) + "." + (i % HOSTS_PER_BLOCK + 2));
    private final Pool publicV6 = new Pool(0xFFFF - 0x10,
            i -> "2001:db8:0:1::" + Integer.toHexString(i + 0x10));

    /**
     * @param publicIp a public address handed out by this allocator
     * @return the gateway of its /24
     */
    public static String publicGateway(String publicIp) {
        return publicIp.substring(0, publicIp.lastIndexOf('.') + 1) + "1";
    }

    /** @return a fresh public IPv4 address */
    public String allocatePublicV4() {
        return publicV4.allocate("public IPv4");
    }

    /** @return a fresh private IPv4 address */
    public String allocatePrivateV4() {
        return privateV4.allocate("private IPv4");
    }

    /** @return a fresh public IPv6 address */
    public String allocatePublicV6() {
        return publicV6.allocate("IPv6");
    }

    /**
     * Returns a droplet's addresses to the pools.
     *
     * @param publicIp its public IPv4
     * @param privateIp its private IPv4
     * @param ipv6 its IPv6
     */
    public void release(String publicIp, String privateIp, String ipv6) {
        publicV4.inUse.remove(publicIp);
        privateV4.inUse.remove(privateIp);
        publicV6.inUse.remove(ipv6);
    }

    /** Frees every address and restarts each pool at its beginning. */
    public void reset() {
        publicV4.reset();
        privateV4.reset();
        publicV6.reset();
    }

    private static final class Pool {
        private final int size;
        private final IntFunction<String> addressAt;
        private final Set<String> inUse = new HashSet<>();
        private int cursor;

        Pool(int size, IntFunction<String> addressAt) {
            this.size = size;
            this.addressAt = addressAt;
        }

        String allocate(String what) {
            for (int tries = 0; tries < size; tries++) {
                String candidate = addressAt.apply(cursor);
                cursor = (cursor + 1) % size;
                if (inUse.add(candidate)) {
                    return candidate;
                }
            }
            throw DigitalOceanException.unprocessable(
                    "The sandbox has no " + what + " address left (" + size + " droplets exist). Delete some droplets.");
        }

        void reset() {
            inUse.clear();
            cursor = 0;
        }
    }
}
