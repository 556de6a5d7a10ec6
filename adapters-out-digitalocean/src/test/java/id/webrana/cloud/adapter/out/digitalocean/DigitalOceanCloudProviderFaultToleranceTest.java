package id.webrana.cloud.adapter.out.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import id.webrana.cloud.application.port.out.CloudProvider;
import id.webrana.cloud.application.port.out.CloudProviderException;
import id.webrana.cloud.application.port.out.CreateServerRequest;
import id.webrana.cloud.application.port.out.ServerAction;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The Fault Tolerance policy of {@link DigitalOceanCloudProvider}, checked on its annotations (no container runs
 * here), and the interceptor that turns Fault Tolerance's own exceptions into the port's exception.
 *
 * <p>The policy is checked as MicroProfile Fault Tolerance applies it: an annotation on the method if there is one,
 * otherwise the one on the class (the method-level annotation replaces the class-level one of the same type).
 */
class DigitalOceanCloudProviderFaultToleranceTest {

    private static final List<String> IDEMPOTENT = List.of("findServer", "findServersByTag", "deleteServer",
            "findAction", "sizes", "distributionImages", "regions");
    private static final List<String> NOT_IDEMPOTENT = List.of("createServer", "performAction", "snapshot");
    /** Computed in memory, never fails: the (retrying) class-level policy is harmless there. */
    private static final List<String> LOCAL = List.of("capabilities");

    /** The effective timeouts, in seconds: unchanged by moving the shared policy to the class. */
    private static final Map<String, Long> TIMEOUT_SECONDS = Map.ofEntries(Map.entry("createServer", 60L),
            Map.entry("performAction", 30L), Map.entry("snapshot", 30L), Map.entry("findAction", 30L),
            Map.entry("findServer", 30L), Map.entry("findServersByTag", 30L), Map.entry("deleteServer", 30L),
            Map.entry("sizes", 60L), Map.entry("distributionImages", 60L), Map.entry("regions", 60L));

    private static Method method(String name) {
        return Arrays.stream(DigitalOceanCloudProvider.class.getDeclaredMethods())
                .filter(m -> m.getName().equals(name) && Modifier.isPublic(m.getModifiers()))
                .findFirst().orElseThrow(() -> new AssertionError("no public method " + name));
    }

    /** The annotation Fault Tolerance uses for the method: its own, else the class's; null when neither has one. */
    private static <A extends Annotation> A effective(String name, Class<A> type) {
        A onMethod = method(name).getAnnotation(type);
        return onMethod != null ? onMethod : DigitalOceanCloudProvider.class.getAnnotation(type);
    }

    private static long millis(long value, ChronoUnit unit) {
        return unit.getDuration().multipliedBy(value).toMillis();
    }

    private static boolean retries(Retry retry) {
        return retry != null && retry.maxRetries() != 0
                && !Arrays.asList(retry.abortOn()).contains(Throwable.class);
    }

    @Test
    void the_bean_is_an_application_scoped_cloud_provider_with_translated_fault_tolerance_failures() {
        assertThat(CloudProvider.class).isAssignableFrom(DigitalOceanCloudProvider.class);
        assertThat(DigitalOceanCloudProvider.class).hasAnnotation(ApplicationScoped.class)
                .hasAnnotation(TranslateFaultToleranceFailures.class);
    }

    @Test
    void every_business_method_is_classified_because_the_class_level_policy_retries() {
        List<String> publicMethods = Arrays.stream(DigitalOceanCloudProvider.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()).map(Method::getName).toList();
        List<String> classified = new ArrayList<>(IDEMPOTENT);
        classified.addAll(NOT_IDEMPOTENT);
        classified.addAll(LOCAL);

        assertThat(publicMethods).as("a new method inherits the retrying class-level policy: classify it here")
                .containsExactlyInAnyOrderElementsOf(classified);
    }

    @Test
    void every_call_has_a_timeout_and_a_circuit_breaker() {
        for (String name : TIMEOUT_SECONDS.keySet()) {
            assertThat(effective(name, Timeout.class)).as(name).isNotNull();
            assertThat(effective(name, CircuitBreaker.class)).as(name).isNotNull();
        }
    }

    @Test
    void creating_a_droplet_or_acting_on_one_is_never_retried() {
        for (String name : NOT_IDEMPOTENT) {
            Retry retry = method(name).getAnnotation(Retry.class);
            assertThat(retry).as(name + " must override the retrying class-level @Retry").isNotNull();
            assertThat(retry.maxRetries()).as(name + ": 0 retries, a single attempt").isZero();
            // abortOn wins over retryOn, so not even a global Retry/maxRetries config value makes it retry
            assertThat(retry.abortOn()).as(name).contains(Throwable.class);
            assertThat(retries(effective(name, Retry.class))).as(name + " must not be retried").isFalse();
        }
    }

    @Test
    void idempotent_calls_retry_only_transient_failures_with_backoff_and_jitter() {
        for (String name : IDEMPOTENT) {
            Retry retry = effective(name, Retry.class);
            assertThat(retries(retry)).as(name).isTrue();
            assertThat(retry.maxRetries()).as(name).isEqualTo(2);
            assertThat(retry.retryOn()).as(name)
                    .containsExactlyInAnyOrder(DigitalOceanTransientException.class, TimeoutException.class);
            assertThat(retry.abortOn()).as(name)
                    .containsExactlyInAnyOrder(DigitalOceanPermanentException.class,
                            DigitalOceanRateLimitedException.class);
            assertThat(retry.delay()).as(name).isPositive();
            assertThat(retry.jitter()).as(name).isPositive();
        }
    }

    @Test
    void the_retry_duration_leaves_room_for_every_attempt_to_time_out() {
        for (String name : IDEMPOTENT) {
            Retry retry = effective(name, Retry.class);
            Timeout timeout = effective(name, Timeout.class);
            long attempts = retry.maxRetries() + 1L;
            assertThat(millis(retry.maxDuration(), retry.durationUnit())).as(name)
                    .isGreaterThanOrEqualTo(attempts * millis(timeout.value(), timeout.unit()));
        }
    }

    @Test
    void the_timeouts_are_those_of_each_call() {
        TIMEOUT_SECONDS.forEach((name, seconds) -> {
            Timeout timeout = effective(name, Timeout.class);
            assertThat(millis(timeout.value(), timeout.unit())).as(name).isEqualTo(seconds * 1000);
        });
    }

    @Test
    void circuit_breakers_count_transient_failures_only_and_not_a_droplet_busy_with_another_action() {
        for (String name : TIMEOUT_SECONDS.keySet()) {
            CircuitBreaker breaker = effective(name, CircuitBreaker.class);
            assertThat(breaker.failOn()).as(name)
                    .containsExactlyInAnyOrder(DigitalOceanTransientException.class, TimeoutException.class);
            // skipOn wins over failOn, so the transient pending-event 422 never counts against DigitalOcean
            assertThat(breaker.skipOn()).as(name).containsExactlyInAnyOrder(DigitalOceanPermanentException.class,
                    DigitalOceanPendingEventException.class);
            assertThat(breaker.requestVolumeThreshold()).as(name).isEqualTo(10);
            assertThat(breaker.failureRatio()).as(name).isEqualTo(0.5);
            assertThat(millis(breaker.delay(), breaker.delayUnit())).as(name).isEqualTo(30_000);
            assertThat(breaker.successThreshold()).as(name).isEqualTo(2);
        }
    }

    @Test
    void the_fault_tolerance_timeout_lies_above_the_default_http_timeouts() {
        long httpMillis = DigitalOceanSettings.DEFAULT_CONNECT_TIMEOUT.plus(DigitalOceanSettings.DEFAULT_READ_TIMEOUT)
                .toMillis();
        for (String name : TIMEOUT_SECONDS.keySet()) {
            Timeout timeout = effective(name, Timeout.class);
            assertThat(millis(timeout.value(), timeout.unit())).as(name).isGreaterThan(httpMillis);
        }
    }

    @Test
    void the_translator_runs_outside_the_fault_tolerance_interceptor() {
        int priority = FaultToleranceFailureTranslator.class.getAnnotation(Priority.class).value();
        // MicroProfile Fault Tolerance's interceptor has priority Interceptor.Priority.PLATFORM_AFTER + 10
        assertThat(priority).isLessThan(Interceptor.Priority.PLATFORM_AFTER + 10);
    }

    @Test
    void a_fault_tolerance_timeout_reaches_the_caller_as_a_transient_cloud_provider_exception() {
        Throwable thrown = catchThrowable(() -> translate(() -> {
            throw new TimeoutException("timed out");
        }));

        assertThat(thrown).isInstanceOf(DigitalOceanTransientException.class)
                .hasMessageContaining("createServer").hasCauseInstanceOf(TimeoutException.class);
        assertThat(((CloudProviderException) thrown).httpStatus()).isZero();
    }

    @Test
    void an_open_circuit_reaches_the_caller_as_a_transient_cloud_provider_exception() {
        Throwable thrown = catchThrowable(() -> translate(() -> {
            throw new CircuitBreakerOpenException("open");
        }));

        assertThat(thrown).isInstanceOf(DigitalOceanTransientException.class).hasMessageContaining("circuit breaker");
    }

    @Test
    void the_translator_leaves_results_and_the_ports_own_exceptions_alone() throws Exception {
        assertThat(translate(() -> "ok")).isEqualTo("ok");

        DigitalOceanPermanentException permanent = new DigitalOceanPermanentException("no", 422, null);
        assertThat(catchThrowable(() -> translate(() -> {
            throw permanent;
        }))).isSameAs(permanent);
    }

    @Test
    void the_bean_delegates_to_its_core() {
        DigitalOceanClient core = new DigitalOceanClient((DigitalOceanApi) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DigitalOceanApi.class}, (proxy, m, args) -> {
                    throw new AssertionError("no HTTP call expected");
                }));
        DigitalOceanCloudProvider bean = new DigitalOceanCloudProvider(core);

        assertThat(bean.capabilities().providerName()).isEqualTo("DIGITALOCEAN");
        assertThat(bean.capabilities().serverActions()).containsExactlyInAnyOrder(ServerAction.values());
        assertThat(bean.findServer("not-a-droplet-id")).isEmpty();
        assertThat(catchThrowable(() -> bean.performAction("not-a-droplet-id", ServerAction.REBOOT)))
                .isInstanceOf(DigitalOceanPermanentException.class);
        assertThat(catchThrowable(() -> bean.snapshot("7", " "))).isInstanceOf(DigitalOceanPermanentException.class);
        assertThat(catchThrowable(() -> bean.findAction("7", "not-an-action-id")))
                .isInstanceOf(DigitalOceanPermanentException.class);
        assertThat(catchThrowable(() -> bean.createServer(new CreateServerRequest("a", "sgp1", "s", "i", List.of(),
                null, List.of("garbage"))))).isInstanceOf(DigitalOceanPermanentException.class);
    }

    private static Object translate(Callable<Object> target) throws Exception {
        Method createServer = method("createServer");
        InvocationContext context = (InvocationContext) Proxy.newProxyInstance(
                DigitalOceanCloudProviderFaultToleranceTest.class.getClassLoader(),
                new Class<?>[] {InvocationContext.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "proceed" -> target.call();
                    case "getMethod" -> createServer;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return new FaultToleranceFailureTranslator().translate(context);
    }
}
