package de.gemeinwerk.console.signin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the console controllers that are open without a session: only the login page. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface SignInNotNeeded {
}
