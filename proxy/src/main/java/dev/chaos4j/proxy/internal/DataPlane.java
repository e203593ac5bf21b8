package dev.chaos4j.proxy.internal;

import dev.chaos4j.proxy.internal.net.NetSettings;
import dev.chaos4j.proxy.internal.net.Transport;

/**
 * What every proxy of a server shares: the event loops, the limits, and the byte counters.
 *
 * @param metrics where to count bytes, or {@code null} when proxy metrics are off
 */
public record DataPlane(Transport transport, NetSettings settings, TrafficMetrics metrics) {}
