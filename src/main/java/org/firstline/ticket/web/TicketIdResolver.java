package org.firstline.ticket.web;

import java.util.Map;
import org.firstline.platform.NotFoundException;
import org.firstline.ticket.TicketService;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Turns the ticket number in a page address into the ticket's id for parameters marked {@link TicketId}. */
@Configuration(proxyBeanMethods = false)
class TicketIdResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {
    private final TicketService tickets;

    TicketIdResolver(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public void addArgumentResolvers(java.util.List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(TicketId.class);
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer container,
            NativeWebRequest request,
            @Nullable WebDataBinderFactory binders) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>)
                request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        String number = variables == null ? null : variables.get("number");
        if (number == null || !number.matches("\\d{1,18}")) {
            throw new NotFoundException("There is no ticket #" + number + ".");
        }
        return tickets.byNumber(Long.parseLong(number))
                .orElseThrow(() -> new NotFoundException(
                        "There is no ticket #" + number + ". Ticket addresses use the number shown on the ticket."))
                .id();
    }
}
