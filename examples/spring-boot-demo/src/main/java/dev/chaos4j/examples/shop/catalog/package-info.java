/** The shop's catalogue: the products on sale, read-only, at {@code /api/catalog}. */
package dev.chaos4j.examples.shop.catalog;
