package dev.chaos4j.examples.shop.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.examples.shop.catalog.Product;
import dev.chaos4j.examples.shop.catalog.ProductRepository;
import dev.chaos4j.examples.shop.orders.OrderRepository;
import dev.chaos4j.examples.shop.orders.OrderRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecommendationEngineTest {

  private final OrderRepository orders = new OrderRepository();
  private final RecommendationEngine engine =
      new RecommendationEngine(new ProductRepository(), orders);

  @Test
  void sameCategoryComesFirstClosestInPriceWithoutOrders() {
    assertThat(engine.recommend("SKU-1001", 3).orElseThrow())
        .extracting(Product::sku)
        .containsExactly("SKU-1002", "SKU-1003", "SKU-2003");
  }

  @Test
  void mostOrderedComeFirstWithinTheCategory() {
    orders.save(new OrderRequest("SKU-1003", 1), 15_900, Instant.EPOCH);
    orders.save(new OrderRequest("SKU-3003", 1), 1_900, Instant.EPOCH);
    orders.save(new OrderRequest("SKU-3003", 1), 1_900, Instant.EPOCH);

    assertThat(engine.recommend("SKU-1001", 3).orElseThrow())
        .extracting(Product::sku)
        .containsExactly("SKU-1003", "SKU-1002", "SKU-3003");
  }

  @Test
  void limitBoundsTheSuggestionsAndTheProductItselfIsNeverSuggested() {
    assertThat(engine.recommend("SKU-3001", 20).orElseThrow())
        .hasSize(11)
        .extracting(Product::sku)
        .doesNotContain("SKU-3001");
    assertThat(engine.recommend("SKU-3001", 0).orElseThrow()).isEmpty();
  }

  @Test
  void unknownProductHasNoSuggestions() {
    assertThat(engine.recommend("SKU-9999", 3)).isEmpty();
  }
}
