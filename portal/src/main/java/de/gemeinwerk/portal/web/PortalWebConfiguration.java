package de.gemeinwerk.portal.web;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.nio.charset.StandardCharsets;

/** Languages and messages of the portal's pages (and, later, the admin console's, which adds its basename here). */
@Configuration
class PortalWebConfiguration implements WebMvcConfigurer {

    // the portal's pages (the live stream below them needs neither language nor page headers, but they do no harm)
    private static final String[] PAGES = {"/", "/*/portal", "/*/portal/**"};

    private final PortalLocale locale = new PortalLocale();

    /** The bean names Spring MVC looks up; Spring Boot's own message source steps back for this one. */
    @Bean
    LocaleResolver localeResolver() {
        return locale;
    }

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("portal/messages");
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
