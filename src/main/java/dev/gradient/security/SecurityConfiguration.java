package dev.gradient.security;

import dev.gradient.config.ApiKeyProperties;
import dev.gradient.config.RateLimitProperties;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The one security filter chain: stateless (no session, no CSRF token, no login form or
 * basic auth, since clients are programs sending JSON with a bearer key), with the API key
 * check where keys are configured and the rate limit where it is enabled. Without keys every
 * request is permitted, as before security existed. With keys, the actuator endpoints outside
 * the open paths (metrics, Prometheus, info) need an operator's key: they report on every tenant.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeyProperties keys, RateLimiter limiter,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) throws Exception {
        ProblemEntryPoint entryPoint = new ProblemEntryPoint(resolver);
        RequestMatcher open = open(keys.openPaths());
        RequestMatcher actuator = PathPatternRequestMatcher.withDefaults().matcher("/actuator/**");
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(entryPoint));
        if (keys.enabled()) {
            http.authorizeHttpRequests(requests -> requests
                    // the container's error dispatch renders a failure that was already let through
                    .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                    .requestMatchers(open).permitAll()
                    .requestMatchers(actuator).hasRole(TenantAuthentication.OPERATOR)
                    .anyRequest().authenticated())
                    .addFilterBefore(new ApiKeyFilter(new ApiKeys(keys.apiKeys())),
                            AnonymousAuthenticationFilter.class);
        } else {
            http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        }
        if (limiter.enabled()) {
            http.addFilterBefore(new RateLimitFilter(limiter, open, operatorCall(actuator, keys.enabled()), resolver),
                    AuthorizationFilter.class);
        }
        return http.build();
    }

    /**
     * A URL that Spring Security's firewall rejects (encoded dots or slashes, for example) is a
     * 400 problem like any other malformed request, not the container's error page.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        return (request, response, e) -> resolver.resolveException(request, response, null, e);
    }

    /**
     * No Micrometer observations of the security filter chain, its authentications or its
     * authorizations. With an observation registry present (actuator's), Spring Security wraps
     * every filter of the chain in an observation and records an event before and after each,
     * each event a counter looked up by its tags: JFR showed that as about 40% of the CPU samples
     * and of the bytes allocated for a one-point gradient, six times the engine's share. The
     * request as a whole is still observed ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** A test may supply its own clock, so that refilling needs no waiting. */
    @Bean
    RateLimiter rateLimiter(RateLimitProperties properties, ObjectProvider<TimeMeter> clock, MeterRegistry meters,
            ApiKeyProperties keys) {
        return new RateLimiter(properties, clock.getIfAvailable(() -> TimeMeter.SYSTEM_NANOTIME),
                new RateLimitRejections(meters, keys.tenants()));
    }

    /**
     * The calls to the actuator that an operator makes: with keys on, those with an operator's key
     * (the key is checked before the rate limit); without keys, every one, since then the actuator
     * is as open as the API and belongs on a management network.
     */
    private static RequestMatcher operatorCall(RequestMatcher actuator, boolean keysOn) {
        return keysOn ? request -> actuator.matches(request) && TenantAuthentication.isOperator(
                SecurityContextHolder.getContext().getAuthentication()) : actuator;
    }

    private static RequestMatcher open(List<String> paths) {
        if (paths.isEmpty()) {
            return request -> false;
        }
        PathPatternRequestMatcher.Builder matchers = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(paths.stream().map(path -> (RequestMatcher) matchers.matcher(path)).toList());
    }
}
