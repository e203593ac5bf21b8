package dev.chaos4j.examples.shop.orders;

/** What a customer asks for: a quantity of one product. */
public record OrderRequest(String sku, int quantity) {}
