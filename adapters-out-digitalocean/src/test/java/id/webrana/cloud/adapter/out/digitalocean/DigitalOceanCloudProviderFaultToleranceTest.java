package id.webrana.cloud.adapter.out.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import id.webrana.cloud.application.port.out.CloudProvider;
import id.webrana.cloud.application.port.out.CloudProviderException;
import id.webrana.cloud.application.port.out.CreateServerRequest;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
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
 */
class DigitalOceanCloudProviderFaultToleranceTest {

    private static final List<String> IDEMPOTENT = List.of("findServer", "findServersByTag", "deleteServer", "action",
            "sizes", "distributionImages", "regions");
    private static final List<String> NOT_IDEMPOTENT = List.of("createServer", "performDropletAction");

    private static Method method(String name) {
        return Arrays.stream(DigitalOceanCloudProvider.class.getDeclaredMethods())
                .filter(m -> m.getName().equals(name) && Modifier.isPublic(m.getModifiers()))
                .findFirst().orElseThrow(() -> new AssertionError("no public method " + name));
    }

    @Test
    void the_bean_is_an_application_scoped_cloud_provider_with_translated_fault_tolerance_failures() {
        assertThat(CloudProvider.class).isAssignableFrom(DigitalOceanCloudProvider.class);
        assertThat(DigitalOceanCloudProvider.class).hasAnnotation(ApplicationScoped.class)
                .hasAnnotation(TranslateFaultToleranceFailures.class);
    }

    @Test
    void creating_a_droplet_is_never_retried_but_has_a_timeout_and_a_circuit_breaker() {
        for (String name : NOT_IDEMPOTENT) {
            Method m = method(name);
            assertThat(m.getAnnotation(Retry.class)).as(name + " must not be retried").isNull();
            assertThat(m.getAnnotation(Timeout.class)).as(name).isNotNull();
            assertThat(m.getAnnotation(CircuitBreaker.class)).as(name).isNotNull();
        }
        assertThat(DigitalOceanCloudProvider.class.getAnnotation(Retry.class)).isNull();
    }

    @Test
    void idempotent_calls_retry_only_transient_failures_with_backoff_and_jitter() {
        for (String name : IDEMPOTENT) {
            Retry retry = method(name).getAnnotation(Retry.class);
            assertThat(retry).as(name).isNotNull();
            assertThat(retry.retryOn()).as(name)
                    .containsExactlyInAnyOrder(DigitalOceanTransientException.class, TimeoutException.class);
            assertThat(retry.abortOn()).as(name)
                    .contains(DigitalOceanPermanentException.class, DigitalOceanRateLimitedException.class);
            assertThat(retry.delay()).as(name).isPositive();
            assertThat(retry.jitter()).as(name).isPositive();
            assertThat(method(name).getAnnotation(Timeout.class)).as(name).isNotNull();
        }
    }

    @Test
    void circuit_breakers_count_transient_failures_only() {
        for (String name : List.of("createServer", "findServer", "findServersByTag", "deleteServer")) {
            CircuitBreaker breaker = method(name).getAnnotation(CircuitBreaker.class);
            assertThat(breaker.failOn()).as(name)
                    .containsExactlyInAnyOrder(DigitalOceanTransientException.class, TimeoutException.class);
            assertThat(breaker.skipOn()).as(name).containsExactly(DigitalOceanPermanentException.class);
        }
    }

    @Test
    void the_fault_tolerance_timeout_lies_above_the_default_http_timeouts() {
        long httpMillis = DigitalOceanSettings.DEFAULT_CONNECT_TIMEOUT.plus(DigitalOceanSettings.DEFAULT_READ_TIMEOUT)
                .toMillis();
        for (String name : List.of("findServer", "deleteServer", "createServer")) {
            Timeout timeout = method(name).getAnnotation(Timeout.class);
            assertThat(timeout.unit().getDuration().multipliedBy(timeout.value()).toMillis()).as(name)
                    .isGreaterThan(httpMillis);
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
        assertThat(bean.findServer("not-a-droplet-id")).isEmpty();
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
