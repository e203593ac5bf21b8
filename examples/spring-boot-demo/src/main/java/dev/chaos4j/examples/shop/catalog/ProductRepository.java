package dev.chaos4j.examples.shop.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Repository;

/** The products on sale: a fixed assortment held in memory, so the demo needs no database. */
@Repository
public class ProductRepository {

  private final List<Product> products =
      List.of(
          new Product("SKU-1001", "Trail running shoes", "shoes", 12_900),
          new Product("SKU-1002", "Road running shoes", "shoes", 11_500),
          new Product("SKU-1003", "Hiking boots", "shoes", 15_900),
          new Product("SKU-2001", "Rain jacket", "jackets", 18_900),
          new Product("SKU-2002", "Down jacket", "jackets", 24_900),
          new Product("SKU-2003", "Wind shell", "jackets", 8_900),
          new Product("SKU-3001", "Headlamp", "gear", 3_900),
          new Product("SKU-3002", "Trekking poles", "gear", 7_900),
          new Product("SKU-3003", "Water bottle", "gear", 1_900),
          new Product("SKU-3004", "Daypack 20 l", "gear", 6_900),
          new Product("SKU-4001", "Merino socks", "apparel", 1_900),
          new Product("SKU-4002", "Running tights", "apparel", 5_900));

  private final Map<String, Product> bySku =
      products.stream().collect(Collectors.toUnmodifiableMap(Product::sku, Function.identity()));

  /** Every product, in catalogue order. */
  public List<Product> findAll() {
    return products;
  }

  /** The product with this SKU, if the shop sells it. */
  public Optional<Product> findBySku(String sku) {
    return Optional.ofNullable(bySku.get(sku));
  }
}
