/**
 * The shop that examples/spring-boot-demo attacks with the chaos4j middleware: its application
 * class; the catalogue, orders and recommendations live in the sub-packages.
 */
package dev.chaos4j.examples.shop;
