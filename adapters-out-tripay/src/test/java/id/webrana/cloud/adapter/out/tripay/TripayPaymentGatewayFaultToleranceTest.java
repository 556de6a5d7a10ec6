package id.webrana.cloud.adapter.out.tripay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.webrana.cloud.application.port.out.PaymentGateway;
import id.webrana.cloud.domain.billing.PaymentChannel;
import id.webrana.cloud.application.port.out.PaymentGatewayException;
import id.webrana.cloud.application.port.out.PaymentGatewayException.Kind;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The Fault Tolerance policy of {@link TripayPaymentGateway}, checked on its annotations (no container runs here),
 * the interceptor that turns Fault Tolerance's own exceptions into the port's exception, and the fallback that serves
 * the stale channel list.
 */
class TripayPaymentGatewayFaultToleranceTest {

    /** Calls to Tripay whose retries (in TripayClient) are harmless. */
    private static final List<String> IDEMPOTENT_READS = List.of("channels", "transactionDetail", "findByMerchantRef",
            "fees");
    /** Opens a transaction: never retried. */
    private static final List<String> NOT_IDEMPOTENT = List.of("createTransaction");
    /** No call to Tripay: must keep working when Tripay's circuit is open. */
    private static final List<String> LOCAL = List.of("name", "isAuthenticCallback", "parseCallback");

    private static final List<Class<? extends Annotation>> FT_ANNOTATIONS = List.of(Timeout.class,
            CircuitBreaker.class, Retry.class, Fallback.class, Bulkhead.class, Asynchronous.class);

    private static Method method(String name) {
        return Arrays.stream(TripayPaymentGateway.class.getDeclaredMethods())
                .filter(m -> m.getName().equals(name) && Modifier.isPublic(m.getModifiers()))
                .findFirst().orElseThrow(() -> new AssertionError("no public method " + name));
    }

    private static long millis(long value, ChronoUnit unit) {
        return unit.getDuration().multipliedBy(value).toMillis();
    }

    @Test
    void the_bean_is_an_application_scoped_payment_gateway_with_translated_fault_tolerance_failures()
            throws NoSuchMethodException {
        assertThat(PaymentGateway.class).isAssignableFrom(TripayPaymentGateway.class);
        assertThat(TripayPaymentGateway.class).hasAnnotation(ApplicationScoped.class)
                .hasAnnotation(TranslateTripayFaultToleranceFailures.class);
        assertThat(TripayPaymentGateway.class.getConstructor(Config.class).isAnnotationPresent(Inject.class))
                .isTrue();
        assertThat(TripayPaymentGateway.class.getConstructor(TripaySettings.class)).isNotNull();
    }

    @Test
    void no_fault_tolerance_policy_sits_on_the_class_where_it_would_reach_the_callback_methods() {
        for (Class<? extends Annotation> type : FT_ANNOTATIONS) {
            assertThat(TripayPaymentGateway.class.getAnnotation(type)).as(type.getSimpleName()).isNull();
        }
        for (String name : LOCAL) {
            for (Class<? extends Annotation> type : FT_ANNOTATIONS) {
                assertThat(method(name).getAnnotation(type)).as(name + " " + type.getSimpleName()).isNull();
            }
        }
    }

    @Test
    void every_public_method_is_classified() {
        List<String> publicMethods = Arrays.stream(TripayPaymentGateway.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()).map(Method::getName).toList();
        List<String> classified = new ArrayList<>(IDEMPOTENT_READS);
        classified.addAll(NOT_IDEMPOTENT);
        classified.addAll(LOCAL);

        assertThat(publicMethods).as("a new method needs its fault-tolerance policy decided: classify it here")
                .containsExactlyInAnyOrderElementsOf(classified);
    }

    @Test
    void every_call_to_tripay_has_a_timeout_and_a_circuit_breaker_counting_unavailability_only() {
        List<String> remote = new ArrayList<>(IDEMPOTENT_READS);
        remote.addAll(NOT_IDEMPOTENT);
        for (String name : remote) {
            assertThat(method(name).getAnnotation(Timeout.class)).as(name).isNotNull();
            CircuitBreaker breaker = method(name).getAnnotation(CircuitBreaker.class);
            assertThat(breaker).as(name).isNotNull();
            assertThat(breaker.failOn()).as(name)
                    .containsExactlyInAnyOrder(TripayUnavailableException.class, TimeoutException.class);
            assertThat(breaker.skipOn()).as(name).containsExactly(TripayRejectedException.class);
            assertThat(breaker.requestVolumeThreshold()).as(name).isEqualTo(10);
            assertThat(breaker.failureRatio()).as(name).isEqualTo(0.5);
            assertThat(millis(breaker.delay(), breaker.delayUnit())).as(name).isEqualTo(30_000);
        }
    }

    @Test
    void creating_a_transaction_is_never_retried() {
        Retry retry = method("createTransaction").getAnnotation(Retry.class);

        assertThat(retry).as("createTransaction must pin @Retry to a single attempt").isNotNull();
        assertThat(retry.maxRetries()).isZero();
        // abortOn wins over retryOn, so not even a global Retry/maxRetries config value makes it retry
        assertThat(retry.abortOn()).contains(Throwable.class);
    }

    @Test
    void reads_carry_no_fault_tolerance_retry_because_the_client_retries_them() {
        for (String name : IDEMPOTENT_READS) {
            assertThat(method(name).getAnnotation(Retry.class)).as(name).isNull();
        }
    }

    @Test
    void the_fault_tolerance_timeouts_leave_room_for_every_attempt_and_backoff_with_the_default_settings() {
        TripaySettings defaults = TripaySettings.of("https://tripay.co.id/api-sandbox", "k", "p", "m");
        long perAttempt = defaults.connectTimeout().plus(defaults.readTimeout()).toMillis();
        long attempts = defaults.readRetries() + 1L;
        long maxBackoff = 0;
        for (int retry = 1; retry <= defaults.readRetries(); retry++) {
            long delay = defaults.retryDelay().toMillis() << (retry - 1);
            maxBackoff += delay + defaults.retryDelay().toMillis() / 2;
        }

        for (String name : IDEMPOTENT_READS) {
            Timeout timeout = method(name).getAnnotation(Timeout.class);
            assertThat(millis(timeout.value(), timeout.unit())).as(name)
                    .isGreaterThan(attempts * perAttempt + maxBackoff);
        }
        Timeout create = method("createTransaction").getAnnotation(Timeout.class);
        assertThat(millis(create.value(), create.unit())).isGreaterThan(perAttempt)
                .isLessThan(millis(method("transactionDetail").getAnnotation(Timeout.class).value(), ChronoUnit.SECONDS));
    }

    @Test
    void the_channel_list_falls_back_only_on_fault_tolerance_failures() throws NoSuchMethodException {
        Fallback fallback = method("channels").getAnnotation(Fallback.class);

        assertThat(fallback).isNotNull();
        assertThat(fallback.applyOn()).containsExactly(FaultToleranceException.class);
        Method fallbackMethod = TripayPaymentGateway.class.getDeclaredMethod(fallback.fallbackMethod());
        assertThat(fallbackMethod.getReturnType()).isEqualTo(method("channels").getReturnType());
        assertThat(fallbackMethod.getGenericReturnType()).isEqualTo(method("channels").getGenericReturnType());
        assertThat(fallbackMethod.getParameterCount()).isZero();
    }

    @Test
    void the_fallback_is_unavailable_when_there_never_was_a_channel_list() {
        TripayPaymentGateway gateway = new TripayPaymentGateway(TripaySettings.of("http://127.0.0.1:9", "DEV-k",
                "p", "T1").withReadRetries(0, Duration.ZERO));
        try {
            PaymentGatewayException never = catchThrowableOfType(PaymentGatewayException.class,
                    gateway::channelsAfterFaultToleranceFailure);
            assertThat(never.kind()).isEqualTo(Kind.UNAVAILABLE);
        } finally {
            gateway.close();
        }
    }

    @Test
    void the_translator_runs_outside_the_fault_tolerance_interceptor() {
        int priority = TripayFaultToleranceTranslator.class.getAnnotation(Priority.class).value();
        // MicroProfile Fault Tolerance's interceptor has priority Interceptor.Priority.PLATFORM_AFTER + 10
        assertThat(priority).isLessThan(Interceptor.Priority.PLATFORM_AFTER + 10);
    }

    @Test
    void a_fault_tolerance_timeout_reaches_the_caller_as_unavailable() {
        TripayUnavailableException e = TripayFaultToleranceTranslator.translate("createTransaction",
                new TimeoutException("timed out"));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e).hasMessageContaining("createTransaction").hasMessageContaining("timeout")
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(e.httpStatus()).isZero();
    }

    @Test
    void an_open_circuit_reaches_the_caller_as_unavailable() {
        TripayUnavailableException e = TripayFaultToleranceTranslator.translate("transactionDetail",
                new CircuitBreakerOpenException("open"));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e).hasMessageContaining("circuit breaker is open");
    }

    @Test
    void the_translator_interceptor_leaves_results_and_the_ports_own_exceptions_alone() throws Exception {
        TripayFaultToleranceTranslator translator = new TripayFaultToleranceTranslator();
        TripayRejectedException refused = new TripayRejectedException("no", 401, "Invalid API Key");

        assertThat(translator.translate(new FakeInvocation(() -> List.<PaymentChannel>of()))).isEqualTo(List.of());
        assertThat(catchThrowable(() -> translator.translate(new FakeInvocation(() -> {
            throw refused;
        })))).isSameAs(refused);
        assertThat(catchThrowable(() -> translator.translate(new FakeInvocation(() -> {
            throw new CircuitBreakerOpenException("open");
        })))).isInstanceOf(TripayUnavailableException.class).hasMessageContaining("channels");
    }

    /** Just enough of an {@link jakarta.interceptor.InvocationContext} for the translator. */
    private record FakeInvocation(java.util.concurrent.Callable<Object> body)
            implements jakarta.interceptor.InvocationContext {
        @Override
        public Object getTarget() {
            return null;
        }

        @Override
        public Object getTimer() {
            return null;
        }

        @Override
        public Method getMethod() {
            return method("channels");
        }

        @Override
        public java.lang.reflect.Constructor<?> getConstructor() {
            return null;
        }

        @Override
        public Object[] getParameters() {
            return new Object[0];
        }

        @Override
        public void setParameters(Object[] params) {
        }

        @Override
        public java.util.Map<String, Object> getContextData() {
            return new java.util.HashMap<>();
        }

        @Override
        public Object proceed() throws Exception {
            return body.call();
        }
    }
}
