package dev.chaos4j.examples.shop.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.examples.shop.catalog.ProductRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OrderServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  private final OrderRepository orders = new OrderRepository();
  private final OrderService service =
      new OrderService(new ProductRepository(), orders, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void placedOrderIsPricedAndStoredUnderANewId() {
    Order first = service.place(new OrderRequest("SKU-1001", 2));
    Order second = service.place(new OrderRequest("SKU-3003", 1));

    assertThat(first).isEqualTo(new Order(1, "SKU-1001", 2, 25_800, NOW));
    assertThat(second.id()).isEqualTo(2);
    assertThat(orders.findById(1)).contains(first);
    assertThat(orders.findLatest(10)).containsExactly(second, first);
  }

  @Test
  void unknownProductIsRejectedAndNothingStored() {
    assertThatThrownBy(() -> service.place(new OrderRequest("SKU-9999", 1)))
        .isInstanceOfSatisfying(
            OrderRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(OrderRejectedException.Reason.UNKNOWN_PRODUCT))
        .hasMessage("no product 'SKU-9999' in the catalogue");
    assertThat(orders.findAll()).isEmpty();
  }

  @Test
  void quantityOutsideOneToTheMaximumIsRejected() {
    for (int quantity : new int[] {0, -1, OrderService.MAX_QUANTITY + 1}) {
      assertThatThrownBy(() -> service.place(new OrderRequest("SKU-1001", quantity)))
          .isInstanceOfSatisfying(
              OrderRejectedException.class,
              e -> assertThat(e.reason()).isEqualTo(OrderRejectedException.Reason.INVALID_QUANTITY))
          .hasMessage("quantity must be 1 to 100, got " + quantity);
    }
    assertThat(service.place(new OrderRequest("SKU-1001", OrderService.MAX_QUANTITY)).quantity())
        .isEqualTo(OrderService.MAX_QUANTITY);
  }

  @Test
  void onlyTheLatestOrdersAreKept() {
    for (int i = 0; i < OrderRepository.CAPACITY + 5; i++) {
      service.place(new OrderRequest("SKU-3003", 1));
    }

    assertThat(orders.findAll()).hasSize(OrderRepository.CAPACITY);
    assertThat(orders.findLatest(1).get(0).id()).isEqualTo(OrderRepository.CAPACITY + 5);
    assertThat(orders.findById(5)).isEmpty();
    assertThat(orders.findById(6)).isPresent();
  }
}
