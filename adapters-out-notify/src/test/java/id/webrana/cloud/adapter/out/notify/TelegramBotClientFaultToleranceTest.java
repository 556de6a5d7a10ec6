package id.webrana.cloud.adapter.out.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import id.webrana.cloud.application.port.out.DeliveryException;
import id.webrana.cloud.application.port.out.DeliveryException.Kind;
import id.webrana.cloud.application.port.out.TelegramBot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

/**
 * The Fault Tolerance policy of {@link TelegramBotClient}, checked on its annotations (no container runs here), and
 * the interceptor that turns Fault Tolerance's own exceptions into the port's exception.
 */
class TelegramBotClientFaultToleranceTest {

    private static Method method(String name) {
        return Arrays.stream(TelegramBotClient.class.getDeclaredMethods())
                .filter(m -> m.getName().equals(name) && Modifier.isPublic(m.getModifiers()))
                .findFirst().orElseThrow(() -> new AssertionError("no public method " + name));
    }

    @Test
    void the_bean_is_an_application_scoped_telegram_bot_with_translated_fault_tolerance_failures() {
        assertThat(TelegramBot.class).isAssignableFrom(TelegramBotClient.class);
        assertThat(TelegramBotClient.class).hasAnnotation(ApplicationScoped.class)
                .hasAnnotation(TranslateTelegramFaultToleranceFailures.class);
    }

    @Test
    void nothing_is_retried_so_a_message_is_never_sent_twice_by_the_adapter() {
        assertThat(TelegramBotClient.class.getAnnotation(Retry.class)).isNull();
        assertThat(TelegramBotClient.class.getAnnotation(Fallback.class)).isNull();
        for (Method m : TelegramBotClient.class.getDeclaredMethods()) {
            assertThat(m.getAnnotation(Retry.class)).as(m.getName()).isNull();
            assertThat(m.getAnnotation(Fallback.class)).as(m.getName()).isNull();
            // a Fault Tolerance timeout would interrupt a request Telegram may already have acted on
            assertThat(m.getAnnotation(Timeout.class)).as(m.getName()).isNull();
            assertThat(m.getAnnotation(Bulkhead.class)).as(m.getName()).isNull();
        }
    }

    @Test
    void the_circuit_breakers_count_only_telegram_being_unavailable() {
        for (String name : List.of("sendMessage", "updates")) {
            CircuitBreaker breaker = method(name).getAnnotation(CircuitBreaker.class);
            assertThat(breaker).as(name).isNotNull();
            assertThat(breaker.failOn()).as(name).containsExactly(TelegramUnavailableException.class);
        }
        assertThat(method("username").getAnnotation(CircuitBreaker.class)).isNull();
    }

    @Test
    void an_open_circuit_reaches_the_caller_as_a_transient_delivery_exception() {
        Throwable thrown = catchThrowable(() -> translate(() -> {
            throw new CircuitBreakerOpenException("open");
        }));

        assertThat(thrown).isInstanceOf(TelegramUnavailableException.class);
        assertThat(((DeliveryException) thrown).kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(thrown.getMessage()).contains("sendMessage").contains("circuit breaker is open");
    }

    @Test
    void other_results_and_failures_pass_through_unchanged() throws Exception {
        DeliveryException gone = new DeliveryException(Kind.RECIPIENT_GONE, "blocked");

        assertThat(translate(() -> "ok")).isEqualTo("ok");
        assertThat(catchThrowable(() -> translate(() -> {
            throw gone;
        }))).isSameAs(gone);
    }

    private static Object translate(Callable<Object> target) throws Exception {
        Method sendMessage = method("sendMessage");
        InvocationContext context = (InvocationContext) Proxy.newProxyInstance(
                TelegramBotClientFaultToleranceTest.class.getClassLoader(),
                new Class<?>[] {InvocationContext.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "proceed" -> target.call();
                    case "getMethod" -> sendMessage;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return new TelegramFaultToleranceTranslator().translate(context);
    }
}
