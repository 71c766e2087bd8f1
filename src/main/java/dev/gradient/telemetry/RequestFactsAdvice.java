package dev.gradient.telemetry;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Marks the end of a request's computation as its body (an answer or a problem) is about to be
 * written, and notes the request's tenant, which is known only inside the security filters:
 * by the time the request valve writes the line they have cleared it. Also sets the request id
 * header again, in case something reset the response's headers since the valve set it.
 */
@ControllerAdvice
class RequestFactsAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        RequestFacts facts = RequestFacts.current();
        facts.computed();
        noteTenant(facts);
        if (facts.id() != null) {
            response.getHeaders().set(RequestIds.HEADER, facts.id());
        }
        return body;
    }

    /** Notes the tenant of the current request's key, if it presented a valid one. */
    static void noteTenant(RequestFacts facts) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken)) {
            facts.tenant(authentication.getName());
        }
    }
}
