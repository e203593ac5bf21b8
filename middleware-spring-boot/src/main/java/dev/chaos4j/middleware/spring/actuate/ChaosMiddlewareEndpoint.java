package dev.chaos4j.middleware.spring.actuate;

import dev.chaos4j.middleware.AttackSpec;
import dev.chaos4j.middleware.AttackStatus;
import dev.chaos4j.middleware.ChaosMiddleware;
import dev.chaos4j.middleware.MiddlewareConfig;
import dev.chaos4j.middleware.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.springframework.boot.actuate.endpoint.web.annotation.RestControllerEndpoint;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The actuator endpoint {@code chaos4j}: the calls of the middleware's admin API, with the same
 * paths below {@code /actuator/chaos4j} and the same JSON, so one client serves both.
 *
 * <pre>
 * GET    /actuator/chaos4j[/status]     the middleware's state
 * POST   /actuator/chaos4j/enable       switch on
 * POST   /actuator/chaos4j/disable      the kill switch: every attack disarmed, delays cut short
 * GET    /actuator/chaos4j/attacks      list
 * POST   /actuator/chaos4j/attacks      create (201)
 * DELETE /actuator/chaos4j/attacks      delete every local attack
 * GET    /actuator/chaos4j/attacks/{id} one attack
 * PUT    /actuator/chaos4j/attacks/{id} replace its definition (counters kept)
 * DELETE /actuator/chaos4j/attacks/{id} delete
 * </pre>
 *
 * <p>Errors are {@code {"error": "one line"}}: 400 for a body that is not an attack (not JSON, an
 * unknown key, outside the guardrails), 404, 409 (the id exists, or the attack belongs to the
 * control URL), 413 (larger than {@code admin.max-body-bytes}).
 *
 * <p>A controller endpoint because an attack is a nested JSON document: the actuator's operation
 * model reads request bodies as flat maps of strings. Spring Boot deprecated controller endpoints
 * (since 3.3) but still ships them in 4.x; they keep the actuator's exposure rules, management port
 * and {@code EndpointRequest} security matchers.
 */
@SuppressWarnings("removal")
@RestControllerEndpoint(id = "chaos4j")
public class ChaosMiddlewareEndpoint {

  private final ChaosMiddleware middleware;

  /** The endpoint of this middleware. */
  public ChaosMiddlewareEndpoint(ChaosMiddleware middleware) {
    this.middleware = middleware;
  }

  /** The middleware's state, as the admin API's {@code GET /status}. */
  @GetMapping(path = {"", "/status"})
  public ResponseEntity<String> status() {
    return answer(HttpStatus.OK, () -> middleware.status().toMap());
  }

  /** Switches attacks back on. */
  @PostMapping("/enable")
  public ResponseEntity<String> enable() {
    return answer(
        HttpStatus.OK,
        () -> {
          middleware.enable();
          return middleware.status().toMap();
        });
  }

  /** The kill switch. */
  @PostMapping("/disable")
  public ResponseEntity<String> disable() {
    return answer(
        HttpStatus.OK,
        () -> {
          middleware.disable();
          return middleware.status().toMap();
        });
  }

  /** Every installed attack. */
  @GetMapping("/attacks")
  public ResponseEntity<String> attacks() {
    return answer(
        HttpStatus.OK,
        () -> {
          List<Object> list = new ArrayList<>();
          for (AttackStatus attack : middleware.attacks()) {
            list.add(attack.toMap());
          }
          return Map.of("attacks", list);
        });
  }

  /** Installs the attack of the body. */
  @PostMapping("/attacks")
  public ResponseEntity<String> create(@RequestBody(required = false) String body) {
    return answer(HttpStatus.CREATED, () -> middleware.create(attackOf(body)).toMap());
  }

  /** Deletes every local attack. */
  @DeleteMapping("/attacks")
  public ResponseEntity<String> clear() {
    return answer(HttpStatus.OK, () -> Map.of("deleted", middleware.clear()));
  }

  /** One attack. */
  @GetMapping("/attacks/{id}")
  public ResponseEntity<String> attack(@PathVariable String id) {
    return answer(
        HttpStatus.OK, () -> middleware.attack(id).orElseThrow(() -> noSuchAttack(id)).toMap());
  }

  /** Replaces an attack's definition. */
  @PutMapping("/attacks/{id}")
  public ResponseEntity<String> update(
      @PathVariable String id, @RequestBody(required = false) String body) {
    return answer(
        HttpStatus.OK,
        () -> {
          AttackSpec spec = attackOf(body);
          if (spec.id() != null && !spec.id().equals(id)) {
            throw new IllegalArgumentException(
                "the body's id '" + spec.id() + "' differs from the path's '" + id + "'");
          }
          return middleware.update(spec.withId(id)).toMap();
        });
  }

  /** Deletes one attack. */
  @DeleteMapping("/attacks/{id}")
  public ResponseEntity<String> delete(@PathVariable String id) {
    return answer(
        HttpStatus.OK,
        () -> {
          if (!middleware.delete(id)) {
            throw noSuchAttack(id);
          }
          return Map.of("deleted", 1);
        });
  }

  private AttackSpec attackOf(String body) {
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("the body must be an attack (a JSON object)");
    }
    int limit = middleware.config().adminMaxBodyBytes();
    if (body.getBytes(StandardCharsets.UTF_8).length > limit) {
      throw new BodyTooLarge(
          "the body is larger than "
              + limit
              + " bytes ("
              + MiddlewareConfig.PREFIX
              + "admin.max-body-bytes)");
    }
    return AttackSpec.parse(body);
  }

  private static NoSuchElementException noSuchAttack(String id) {
    return new NoSuchElementException("no attack '" + id + "'");
  }

  /** Runs a call and answers with its JSON, or with the error it raised. */
  private static ResponseEntity<String> answer(HttpStatus status, Supplier<Object> call) {
    try {
      return json(status, call.get());
    } catch (BodyTooLarge e) {
      return error(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    } catch (IllegalArgumentException e) {
      // not JSON, not an attack, or outside the guardrails (InvalidAttackException)
      return error(HttpStatus.BAD_REQUEST, e.getMessage());
    } catch (NoSuchElementException e) {
      return error(HttpStatus.NOT_FOUND, e.getMessage());
    } catch (IllegalStateException e) {
      return error(HttpStatus.CONFLICT, e.getMessage());
    }
  }

  private static ResponseEntity<String> error(HttpStatus status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    return json(status, body);
  }

  private static ResponseEntity<String> json(HttpStatus status, Object body) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .header("Cache-Control", "no-store")
        .body(Json.write(body));
  }

  /** A body over the size limit. */
  private static final class BodyTooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BodyTooLarge(String message) {
      super(message);
    }
  }
}
