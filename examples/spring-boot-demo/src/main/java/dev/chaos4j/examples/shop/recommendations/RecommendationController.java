package dev.chaos4j.examples.shop.recommendations;

import dev.chaos4j.examples.shop.catalog.Product;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/recommendations?sku=...[&limit=N]}: suggestions for one product (404 if unknown).
 */
@RestController
@RequestMapping("/api/recommendations")
public class RecommendationController {

  private final RecommendationEngine engine;

  public RecommendationController(RecommendationEngine engine) {
    this.engine = engine;
  }

  /** Suggestions beside one product. */
  @GetMapping
  public ResponseEntity<Recommendations> recommendations(
      @RequestParam String sku, @RequestParam(defaultValue = "3") int limit) {
    return ResponseEntity.of(
        engine
            .recommend(sku, Math.max(0, Math.min(limit, 10)))
            .map(products -> new Recommendations(sku, products)));
  }

  /** The suggestions' JSON. */
  public record Recommendations(String sku, List<Product> products) {}
}
