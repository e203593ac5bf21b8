package dev.chaos4j.examples.shop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small shop on Spring MVC: a catalogue, orders and recommendations, all in memory, answering
 * JSON. The chaos4j middleware comes with its starter and acts only under the {@code chaos4j}
 * profile; Chaos Monkey for Spring Boot is on the classpath for the load benchmark's comparison and
 * acts only under the {@code chaos-monkey} profile.
 */
@SpringBootApplication
public class ShopApplication {

  /** Starts the shop; Spring Boot's command-line arguments apply ({@code --server.port=...}). */
  public static void main(String[] args) {
    SpringApplication.run(ShopApplication.class, args);
  }
}
