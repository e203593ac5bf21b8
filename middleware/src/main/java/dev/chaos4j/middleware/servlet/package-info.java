/**
 * The middleware as a Jakarta Servlet filter: attacks carried out before or after the handler, in
 * any servlet container.
 */
package dev.chaos4j.middleware.servlet;
