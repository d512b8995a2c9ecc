package de.gemeinwerk.platform.error;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatusCode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * Tomcat's last line of error reporting, for errors that never reach the application: a malformed URL such as
 * {@code /%}, illegal characters in the request line or headers. Writes problem+json instead of Tomcat's HTML page.
 * Installed by {@link TomcatProblemJsonCustomizer}; public because Tomcat creates it by class name.
 */
public class ProblemJsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        HttpStatusCode statusCode = HttpStatusCode.valueOf(status);
        // null when not even the request line could be parsed
        String instance = request.getRequestURI();
        // a 4xx comes with the parser's exception (e.g. "Invalid character found in the request target"): no bug
        Problem problem = statusCode.is5xxServerError()
                ? UnexpectedErrors.report(statusCode, throwable, instance)
                : Problem.of(statusCode, Problem.genericDetail(statusCode), instance, null);
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(JsonMapper.shared().writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or already unusable: there is no one left to report to
        }
    }
}
