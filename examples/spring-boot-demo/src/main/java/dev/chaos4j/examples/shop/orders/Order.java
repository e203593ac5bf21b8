package dev.chaos4j.examples.shop.orders;

import java.time.Instant;

/** A placed order, with its total at the price of the day. */
public record Order(long id, String sku, int quantity, long totalCents, Instant placedAt) {}
