package id.webrana.cloud.adapter.out.notify;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Turns exceptions thrown by the Fault Tolerance interceptor into {@link TelegramUnavailableException}s (TRANSIENT):
 * an open circuit is a "try again later", and the port promises callers nothing but {@code DeliveryException}s.
 *
 * <p>Its priority ({@code APPLICATION} = 2000) is lower than that of the Fault Tolerance interceptor
 * ({@code PLATFORM_AFTER + 10} = 4010), so it runs outside it and sees what Fault Tolerance finally throws.
 */
@Interceptor
@TranslateTelegramFaultToleranceFailures
@Priority(Interceptor.Priority.APPLICATION)
public class TelegramFaultToleranceTranslator {

    /** Passes the call on and translates Fault Tolerance's own exceptions. */
    @AroundInvoke
    public Object translate(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (FaultToleranceException e) {
            String what = e instanceof CircuitBreakerOpenException
                    ? "was not attempted: the circuit breaker is open after repeated failures"
                    : "was rejected by fault tolerance (" + e.getClass().getSimpleName() + ")";
            // Fault Tolerance's messages name the method, never the request URL (and so never the token)
            throw new TelegramUnavailableException("Telegram " + context.getMethod().getName() + " " + what, e);
        }
    }
}
