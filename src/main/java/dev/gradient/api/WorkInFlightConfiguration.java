package dev.gradient.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Gives a request's share of {@link WorkInFlight} back when it completes, whether it succeeded or failed. */
@Configuration(proxyBeanMethods = false)
class WorkInFlightConfiguration implements WebMvcConfigurer {

    private final WorkInFlight work;

    WorkInFlightConfiguration(WorkInFlight work) {
        this.work = work;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                    Exception ex) {
                work.release(request);
            }
        });
    }
}
