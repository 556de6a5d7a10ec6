package id.webrana.cloud.adapter.out.digitalocean;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Turns exceptions thrown by the Fault Tolerance interceptor into {@link DigitalOceanTransientException}s
 * (HTTP status 0): a timeout or an open circuit is a "try again later", and the port promises callers nothing but
 * {@code CloudProviderException}s.
 *
 * <p>Its priority ({@code APPLICATION} = 2000) is lower than that of the Fault Tolerance interceptor
 * ({@code PLATFORM_AFTER + 10} = 4010), so it runs outside it and sees what Fault Tolerance finally throws.
 */
@Interceptor
@TranslateFaultToleranceFailures
@Priority(Interceptor.Priority.APPLICATION)
public class FaultToleranceFailureTranslator {

    /** Passes the call on and translates Fault Tolerance's own exceptions. */
    @AroundInvoke
    public Object translate(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (FaultToleranceException e) {
            String what;
            if (e instanceof TimeoutException) {
                what = "took too long (fault-tolerance timeout)";
            } else if (e instanceof CircuitBreakerOpenException) {
                what = "was not attempted: the circuit breaker is open after repeated failures";
            } else {
                what = "was rejected by fault tolerance (" + e.getClass().getSimpleName() + ")";
            }
            throw new DigitalOceanTransientException("DigitalOcean " + context.getMethod().getName() + " " + what,
                    0, null, e);
        }
    }
}
