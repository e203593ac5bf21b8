package dev.chaos4j.examples.shop.orders;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/orders} places an order (201 with its {@code Location}; 404 for an unknown
 * product, 400 for a bad quantity); {@code GET /api/orders[?limit=N]} lists the latest ones and
 * {@code GET /api/orders/{id}} reads one.
 */
@RestController
@RequestMapping("/api/orders")
public class OrderController {

  private final OrderService service;
  private final OrderRepository orders;

  public OrderController(OrderService service, OrderRepository orders) {
    this.service = service;
    this.orders = orders;
  }

  /** Places an order. */
  @PostMapping
  public ResponseEntity<Order> place(@RequestBody OrderRequest request) {
    Order order = service.place(request);
    return ResponseEntity.created(URI.create("/api/orders/" + order.id())).body(order);
  }

  /** The latest orders, newest first. */
  @GetMapping
  public Orders latest(@RequestParam(defaultValue = "20") int limit) {
    return new Orders(orders.findLatest(Math.max(0, Math.min(limit, 100))));
  }

  /** One order. */
  @GetMapping("/{id}")
  public ResponseEntity<Order> order(@PathVariable long id) {
    return ResponseEntity.of(orders.findById(id));
  }

  /** A refused order as an RFC 9457 problem. */
  @ExceptionHandler
  public ProblemDetail rejected(OrderRejectedException e) {
    HttpStatus status =
        switch (e.reason()) {
          case UNKNOWN_PRODUCT -> HttpStatus.NOT_FOUND;
          case INVALID_QUANTITY -> HttpStatus.BAD_REQUEST;
        };
    return ProblemDetail.forStatusAndDetail(status, e.getMessage());
  }

  /** The list's JSON: an object, so that fields can be added without breaking clients. */
  public record Orders(List<Order> orders) {}
}
