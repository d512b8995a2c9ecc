package de.gemeinwerk.console.web;

import de.gemeinwerk.console.signin.ConsoleAccess;
import de.gemeinwerk.portal.web.MessageBundle;
import de.gemeinwerk.portal.web.PageHeaders;
import de.gemeinwerk.portal.web.PortalLocale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import java.util.List;

/**
 * The console's pages share the portal's plumbing — language choice ({@link PortalLocale}), Content-Security-Policy
 * and headers ({@link PageHeaders}), one message source ({@link MessageBundle}) — and add the sign-in check
 * ({@link ConsoleAccess}) and the {@code StaffMember} handler parameter.
 */
@Configuration
class ConsoleWebConfiguration implements WebMvcConfigurer {

    static final String[] PAGES = {"/*/verwaltung", "/*/verwaltung/**"};

    private final PortalLocale locale;
    private final ConsoleAccess access;

    ConsoleWebConfiguration(PortalLocale locale, ConsoleAccess access) {
        this.locale = locale;
        this.access = access;
    }

    /**
     * "redirect:" answers 303 See Other with the path as given (not 302 with an absolute URL made from the Host
     * header): after a form's POST the browser is to GET the next page, and a relative Location cannot be bent to
     * another host. Applies to every Thymeleaf view; the portal has no redirects.
     */
    @Bean
    static BeanPostProcessor seeOtherRedirects() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof ThymeleafViewResolver resolver) {
                    resolver.setRedirectHttp10Compatible(false);
                }
                return bean;
            }
        };
    }

    @Bean
    MessageBundle consoleMessages() {
        return new MessageBundle("console/messages");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(locale).addPathPatterns(PAGES);
        registry.addInterceptor(new PageHeaders()).addPathPatterns(PAGES);
        registry.addInterceptor(access).addPathPatterns(PAGES);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new StaffMemberParameter());
    }
}
