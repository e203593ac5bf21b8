package dev.chaos4j.examples.shop.orders;

/** An order the shop refuses, with the reason the controller turns into a status. */
public class OrderRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why an order is refused. */
  public enum Reason {
    /** The SKU is not in the catalogue. */
    UNKNOWN_PRODUCT,
    /** The quantity is outside what one order may hold. */
    INVALID_QUANTITY
  }

  private final Reason reason;

  OrderRejectedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Why the order was refused. */
  public Reason reason() {
    return reason;
  }
}
