package dev.chaos4j.examples.shop.orders;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/**
 * The latest orders, in memory. Only the most recent {@value #CAPACITY} are kept: experiments and
 * benchmarks place orders for as long as they run, and the demo must not grow without bound.
 */
@Repository
public class OrderRepository {

  static final int CAPACITY = 1000;

  private final Deque<Order> orders = new ArrayDeque<>();
  private long lastId;

  /** Stores a new order under the next id and returns it. */
  public synchronized Order save(OrderRequest request, long totalCents, Instant at) {
    Order order = new Order(++lastId, request.sku(), request.quantity(), totalCents, at);
    orders.addFirst(order);
    if (orders.size() > CAPACITY) {
      orders.removeLast();
    }
    return order;
  }

  /** The order with this id, while it is among the latest ones. */
  public synchronized Optional<Order> findById(long id) {
    return orders.stream().filter(o -> o.id() == id).findFirst();
  }

  /** The latest orders, newest first. */
  public synchronized List<Order> findLatest(int limit) {
    return orders.stream().limit(limit).toList();
  }

  /** Every order kept, newest first. */
  public synchronized List<Order> findAll() {
    return new ArrayList<>(orders);
  }
}
