package de.gemeinwerk.portal.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.nio.charset.StandardCharsets;

/**
 * Languages and messages of the portal's pages and of the admin console's: one language choice, one message source
 * made of every module's {@link MessageBundle}.
 */
@Configuration
class PortalWebConfiguration implements WebMvcConfigurer {

    // the portal's pages (the live stream below them needs neither language nor page headers, but they do no harm)
    private static final String[] PAGES = {"/", "/*/portal", "/*/portal/**"};

    private final PortalLocale locale = new PortalLocale();

    /** The bean names Spring MVC looks up; Spring Boot's own message source steps back for this one. */
    @Bean
    PortalLocale localeResolver() {
        return locale;
    }

    @Bean
    MessageBundle portalMessages() {
        return new MessageBundle("portal/messages");
    }

    @Bean
    MessageSource messageSource(ObjectProvider<MessageBundle> bundles) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(bundles.orderedStream().map(MessageBundle::basename).toArray(String[]::new));
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        // never the server's system locale: a missing English text falls back to German, not to whatever the host has
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(PortalLocale.DEFAULT);
        return messages;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(locale).addPathPatterns(PAGES);
        registry.addInterceptor(new PageHeaders()).addPathPatterns(PAGES);
    }
}
