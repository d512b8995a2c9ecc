package de.gemeinwerk.console.web;

import de.gemeinwerk.platform.accounts.StaffMember;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a console handler its {@link StaffMember} as a parameter. The sign-in check has already sent anyone without
 * a session to the login page, so a page that asks for one always gets one.
 */
final class StaffMemberParameter implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == StaffMember.class;
    }

    @Override
    public StaffMember resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                       NativeWebRequest request, WebDataBinderFactory binders) {
        StaffMember staff = ConsoleRequest.staff(request.getNativeRequest(HttpServletRequest.class));
        if (staff == null) {
            throw new IllegalStateException("a console page outside the sign-in check: " + parameter.getMethod());
        }
        return staff;
    }
}
