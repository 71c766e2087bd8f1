package dev.gradient.telemetry;

import dev.gradient.config.ApiKeyProperties;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the request valve in front of Tomcat's pipeline, with the request meters, and notes each
 * handled request's tenant while the security filters still know it (a request answered with no
 * body, such as a 204, never reaches {@link RequestFactsAdvice}).
 */
@Configuration(proxyBeanMethods = false)
class TelemetryConfiguration implements WebMvcConfigurer {

    @Bean
    RequestMeters requestMeters(MeterRegistry meters, ApiKeyProperties keys) {
        return new RequestMeters(meters, keys.tenants());
    }

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> requestValve(RequestMeters meters) {
        return factory -> factory.addEngineValves(new RequestValve(new RequestLog(), meters));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                RequestFactsAdvice.noteTenant(RequestFacts.current());
                return true;
            }
        });
    }
}
