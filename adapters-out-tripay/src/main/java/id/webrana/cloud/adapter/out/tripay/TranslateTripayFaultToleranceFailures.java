package id.webrana.cloud.adapter.out.tripay;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Interceptor binding: failures raised by MicroProfile Fault Tolerance itself (its {@code TimeoutException},
 * {@code CircuitBreakerOpenException}, ...) leave the bean as {@link TripayUnavailableException}s, so callers of the
 * port see only {@code PaymentGatewayException}s. See {@link TripayFaultToleranceTranslator}.
 */
@Inherited
@Documented
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TranslateTripayFaultToleranceFailures {
}
