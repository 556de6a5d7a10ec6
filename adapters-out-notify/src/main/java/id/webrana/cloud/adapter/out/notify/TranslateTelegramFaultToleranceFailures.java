package id.webrana.cloud.adapter.out.notify;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Interceptor binding: failures raised by MicroProfile Fault Tolerance itself (an open circuit, ...) leave the bean
 * as {@link TelegramUnavailableException}s, so callers of the port see only {@code DeliveryException}s. See
 * {@link TelegramFaultToleranceTranslator}.
 */
@Inherited
@Documented
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TranslateTelegramFaultToleranceFailures {
}
