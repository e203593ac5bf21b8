package dev.chaos4j.core.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds {@link ActivityFunction}s without a class per function. */
public final class Functions {
  private Functions() {}

  /** The body of a function: bound arguments in, JSON value out. */
  @FunctionalInterface
  public interface Body {
    Object apply(Map<String, Object> arguments) throws Exception;
  }

  /** Starts a probe. */
  public static Builder probe(String module, String name) {
    return new Builder(module, name, ActivityType.PROBE);
  }

  /** Starts an action. */
  public static Builder action(String module, String name) {
    return new Builder(module, name, ActivityType.ACTION);
  }

  /** Collects a function's description, then {@link #body(Body)} creates it. */
  public static final class Builder {
    private final String module;
    private final String name;
    private final ActivityType type;
    private final List<Argument> arguments = new ArrayList<>();
    private String doc = "";
    private String returnType;

    private Builder(String module, String name, ActivityType type) {
      this.module = Objects.requireNonNull(module);
      this.name = Objects.requireNonNull(name);
      this.type = type;
    }

    public Builder required(String argument, String portableType) {
      arguments.add(Argument.required(argument, portableType));
      return this;
    }

    public Builder optional(String argument, String portableType, Object defaultValue) {
      arguments.add(Argument.optional(argument, portableType, defaultValue));
      return this;
    }

    /** Declares the injected {@code configuration} argument. */
    public Builder configuration() {
      return optional(Argument.CONFIGURATION, "mapping", null);
    }

    /** Declares the injected {@code secrets} argument. */
    public Builder secrets() {
      return optional(Argument.SECRETS, "mapping", null);
    }

    public Builder doc(String text) {
      this.doc = text;
      return this;
    }

    public Builder returns(String portableType) {
      this.returnType = portableType;
      return this;
    }

    /** Creates the function. */
    public ActivityFunction body(Body body) {
      List<Argument> args = List.copyOf(arguments);
      String d = doc;
      String r = returnType;
      return new ActivityFunction() {
        @Override
        public String module() {
          return module;
        }

        @Override
        public String name() {
          return name;
        }

        @Override
        public ActivityType type() {
          return type;
        }

        @Override
        public List<Argument> arguments() {
          return args;
        }

        @Override
        public String doc() {
          return d;
        }

        @Override
        public String returnType() {
          return r;
        }

        @Override
        public Object call(Map<String, Object> bound) throws Exception {
          return body.apply(bound);
        }

        @Override
        public String toString() {
          return module + "." + name;
        }
      };
    }
  }
}
