package dev.chaos4j.examples.shop.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Reads the catalogue: every product, one category, or one product. */
@Service
public class CatalogService {

  private final ProductRepository products;

  public CatalogService(ProductRepository products) {
    this.products = products;
  }

  /** The products of {@code category}, or every product when it is null or blank. */
  public List<Product> products(String category) {
    if (category == null || category.isBlank()) {
      return products.findAll();
    }
    return products.findAll().stream().filter(p -> p.category().equals(category)).toList();
  }

  /** The product with this SKU, if the shop sells it. */
  public Optional<Product> product(String sku) {
    return products.findBySku(sku);
  }
}
