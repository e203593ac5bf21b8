package dev.chaos4j.examples.shop.catalog;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/catalog[?category=...]} and {@code GET /api/catalog/{sku}} (404 if unknown). */
@RestController
@RequestMapping("/api/catalog")
public class CatalogController {

  private final CatalogService catalog;

  public CatalogController(CatalogService catalog) {
    this.catalog = catalog;
  }

  /** The catalogue, or one category of it. */
  @GetMapping
  public Catalog catalog(@RequestParam(required = false) String category) {
    return new Catalog(catalog.products(category));
  }

  /** One product. */
  @GetMapping("/{sku}")
  public ResponseEntity<Product> product(@PathVariable String sku) {
    return ResponseEntity.of(catalog.product(sku));
  }

  /** The catalogue's JSON: an object, so that fields can be added without breaking clients. */
  public record Catalog(List<Product> products) {}
}
