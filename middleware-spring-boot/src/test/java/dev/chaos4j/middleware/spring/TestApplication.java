package dev.chaos4j.middleware.spring;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.MDC;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application the starter is tested in, on Spring MVC and on WebFlux alike: a few routes, one
 * with a side effect, one that reports the MDC entry its handler sees and the thread it runs on.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@RestController
public class TestApplication {

  /** Calls of {@code POST /orders}: its side effect. */
  public static final AtomicInteger ORDERS_PLACED = new AtomicInteger();

  @GetMapping("/orders")
  public String orders() {
    return "orders";
  }

  @PostMapping("/orders")
  public String placeOrder() {
    ORDERS_PLACED.incrementAndGet();
    return "placed";
  }

  @GetMapping("/fast")
  public String fast() {
    return "fast on " + Thread.currentThread().getName();
  }

  @GetMapping("/slow")
  public String slow() {
    return "slow";
  }

  @GetMapping("/mdc")
  public String mdc() {
    return "mdc=" + MDC.get("chaos4j.attack");
  }
}
