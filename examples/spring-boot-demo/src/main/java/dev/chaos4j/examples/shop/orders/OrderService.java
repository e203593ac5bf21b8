package dev.chaos4j.examples.shop.orders;

import dev.chaos4j.examples.shop.catalog.Product;
import dev.chaos4j.examples.shop.catalog.ProductRepository;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/** Places orders: checks the product and the quantity, prices the order, stores it. */
@Service
public class OrderService {

  /** The largest quantity of one order. */
  public static final int MAX_QUANTITY = 100;

  private final ProductRepository products;
  private final OrderRepository orders;
  private final Clock clock;

  @Autowired
  public OrderService(ProductRepository products, OrderRepository orders) {
    this(products, orders, Clock.systemUTC());
  }

  OrderService(ProductRepository products, OrderRepository orders, Clock clock) {
    this.products = products;
    this.orders = orders;
    this.clock = clock;
  }

  /**
   * Places an order.
   *
   * @throws OrderRejectedException for an unknown product or a quantity outside 1..{@value
   *     #MAX_QUANTITY}
   */
  public Order place(OrderRequest request) {
    if (request.quantity() < 1 || request.quantity() > MAX_QUANTITY) {
      throw new OrderRejectedException(
          OrderRejectedException.Reason.INVALID_QUANTITY,
          "quantity must be 1 to " + MAX_QUANTITY + ", got " + request.quantity());
    }
    Product product =
        products
            .findBySku(request.sku())
            .orElseThrow(
                () ->
                    new OrderRejectedException(
                        OrderRejectedException.Reason.UNKNOWN_PRODUCT,
                        "no product '" + request.sku() + "' in the catalogue"));
    return orders.save(request, product.priceCents() * request.quantity(), clock.instant());
  }
}
