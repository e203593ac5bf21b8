package dev.chaos4j.examples.shop.recommendations;

import dev.chaos4j.examples.shop.catalog.Product;
import dev.chaos4j.examples.shop.catalog.ProductRepository;
import dev.chaos4j.examples.shop.orders.Order;
import dev.chaos4j.examples.shop.orders.OrderRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Suggests other products for one: those of the same category first, then the most ordered lately,
 * then those closest in price.
 */
@Component
public class RecommendationEngine {

  private final ProductRepository products;
  private final OrderRepository orders;

  public RecommendationEngine(ProductRepository products, OrderRepository orders) {
    this.products = products;
    this.orders = orders;
  }

  /** At most {@code limit} products to suggest beside {@code sku}; empty if the SKU is unknown. */
  public Optional<List<Product>> recommend(String sku, int limit) {
    return products.findBySku(sku).map(product -> rank(product, limit));
  }

  private List<Product> rank(Product product, int limit) {
    Map<String, Long> ordered =
        orders.findAll().stream().collect(Collectors.groupingBy(Order::sku, Collectors.counting()));
    Comparator<Product> order =
        Comparator.<Product, Boolean>comparing(p -> !p.category().equals(product.category()))
            .thenComparing(p -> ordered.getOrDefault(p.sku(), 0L), Comparator.reverseOrder())
            .thenComparingLong(p -> Math.abs(p.priceCents() - product.priceCents()));
    return products.findAll().stream()
        .filter(p -> !p.sku().equals(product.sku()))
        .sorted(order)
        .limit(limit)
        .toList();
  }
}
