package id.webrana.cloud.adapter.in.faces.security;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.assertj.core.api.Assertions.assertThat;

/** Only real Faces resources skip the per-request session check; a page cannot pass itself off as one. */
class StaticResourceRequestTest {

    private static HttpServletRequest request(String requestUri, String servletPath) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
                    case "getRequestURI" -> requestUri;
                    case "getServletPath" -> servletPath;
                    default -> null;
                });
    }

    @Test
    void a_stylesheet_is_a_static_resource() {
        assertThat(SessionAuthenticationMechanism.isStaticResource(request(
                "/app/jakarta.faces.resource/app.css.xhtml", "/jakarta.faces.resource/app.css.xhtml"))).isTrue();
    }

    @Test
    void an_admin_page_with_a_resource_path_parameter_is_not() {
        // the raw URI carries the trick; the container's servlet path (what it serves) does not
        assertThat(SessionAuthenticationMechanism.isStaticResource(request(
                "/app/admin/order.xhtml;/jakarta.faces.resource/", "/admin/order.xhtml"))).isFalse();
    }
}
