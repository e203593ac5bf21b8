/** The shop's orders: placed at {@code POST /api/orders}, read back at {@code /api/orders}. */
package dev.chaos4j.examples.shop.orders;
