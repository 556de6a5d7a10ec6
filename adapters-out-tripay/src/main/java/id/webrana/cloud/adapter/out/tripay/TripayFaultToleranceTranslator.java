package id.webrana.cloud.adapter.out.tripay;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Turns exceptions thrown by the Fault Tolerance interceptor into {@link TripayUnavailableException}s (HTTP status
 * 0, not retryable): a timeout or an open circuit is a "try again later", and the port promises callers nothing but
 * {@code PaymentGatewayException}s.
 *
 * <p>Its priority ({@code APPLICATION} = 2000) is lower than that of the Fault Tolerance interceptor
 * ({@code PLATFORM_AFTER + 10} = 4010), so it runs outside it and sees what Fault Tolerance finally throws.
 */
@Interceptor
@TranslateTripayFaultToleranceFailures
@Priority(Interceptor.Priority.APPLICATION)
public class TripayFaultToleranceTranslator {

    /** Passes the call on and translates Fault Tolerance's own exceptions. */
    @AroundInvoke
    public Object translate(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (FaultToleranceException e) {
            throw translate(context.getMethod().getName(), e);
        }
    }

    /** The port's exception for a Fault Tolerance failure of {@code operation}. */
    static TripayUnavailableException translate(String operation, FaultToleranceException e) {
        String what;
        if (e instanceof TimeoutException) {
            what = "took too long (fault-tolerance timeout)";
        } else if (e instanceof CircuitBreakerOpenException) {
            what = "was not attempted: the circuit breaker is open after repeated failures";
        } else {
            what = "was rejected by fault tolerance (" + e.getClass().getSimpleName() + ")";
        }
        return new TripayUnavailableException("Tripay " + operation + " " + what, 0, false, e);
    }
}
