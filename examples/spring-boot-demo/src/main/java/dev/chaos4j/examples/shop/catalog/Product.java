package dev.chaos4j.examples.shop.catalog;

/** A product on sale; prices are in cents, so that totals stay exact. */
public record Product(String sku, String name, String category, long priceCents) {}
