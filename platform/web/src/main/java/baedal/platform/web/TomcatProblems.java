package baedal.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Errors Tomcat answers by itself, before any filter or servlet runs — a request line or header it cannot parse,
 * a header over {@code server.max-http-request-header-size}, a path with {@code %00}, an encoded {@code /} or a
 * {@code ..} above the root, a bad {@code Content-Length} or {@code Host} — are problem+json too, instead of
 * Tomcat's HTML error page: the host's {@code ErrorReportValve} (Tomcat's own, or the one Spring Boot adds) is
 * replaced by {@link ProblemReportValve}. Errors Tomcat can route to the application's error page are answered by
 * {@link ErrorPath}; the valve answers the rest.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
class TomcatProblems {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return new ReportValveCustomizer();
    }

    /** Runs last, and swaps the valves only as the host starts, after every other customizer has added its own. */
    static final class ReportValveCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
            Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                host.addLifecycleListener(event -> {
                    if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && host instanceof Host started) {
                        useProblemReports(started);
                    }
                });
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    static void useProblemReports(Host host) {
        boolean present = false;
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ProblemReportValve) {
                present = true;
            } else if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        if (!present) {
            host.getPipeline().addValve(new ProblemReportValve());
        }
        if (host instanceof StandardHost standard) {
            // StandardHost adds its errorReportValveClass at start unless a valve of that class is there already.
            standard.setErrorReportValveClass(ProblemReportValve.class.getName());
        }
    }

    /** Tomcat's error report, as problem+json; the status stays Tomcat's, the body never echoes the request. */
    static final class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            String reason = response.getMessage();
            if ((reason == null || reason.isBlank()) && throwable != null) {
                reason = throwable.getMessage();
            }
            byte[] body = Problems.body(status, reason);
            try {
                response.setContentType(Problems.MEDIA_TYPE);
                response.setCharacterEncoding("UTF-8");
                if (!response.containsHeader(ServerTiming.HEADER)) {
                    response.setHeader(ServerTiming.HEADER,
                            ServerTiming.value(System.nanoTime() - request.getCoyoteRequest().getStartTimeNanos()));
                }
                var writer = response.getReporter();
                if (writer != null) {
                    writer.write(new String(body, StandardCharsets.UTF_8));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException ignored) {
                // the client is gone or the response cannot take a body any more; nothing better to do
            }
        }
    }
}
