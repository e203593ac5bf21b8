/**
 * The actuator endpoint {@code chaos4j}: the admin API's calls and JSON under {@code
 * /actuator/chaos4j}, guarded by the application's own actuator exposure and security.
 */
package dev.chaos4j.middleware.spring.actuate;
