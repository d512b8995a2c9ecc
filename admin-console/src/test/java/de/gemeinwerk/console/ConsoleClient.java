package de.gemeinwerk.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser as far as the console's tests need one: keeps cookies, does not follow redirects (the tests look at
 * them), posts forms with the CSRF token of the page the form came from.
 */
public final class ConsoleClient {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final String slug;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public ConsoleClient(int port, String slug) {
        this.port = port;
        this.slug = slug;
    }

    /** The console root of this client's tenant, {@code /{slug}/verwaltung/}. */
    public String console() {
        return "/" + slug + "/verwaltung/";
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** A GET as the console's scripts make it when they poll on their own, not for a person's action. */
    public HttpResponse<String> poll(String path) {
        return send(request(path).header("X-Gemeinwerk-Background", "1").GET());
    }

    /** Posts the form fields as a browser would (urlencoded), as they are: no CSRF token added. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(encode(name)).append('=')
                .append(encode(value)));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Opens {@code formPage}, takes its CSRF token and posts {@code fields} with it to {@code action}. */
    public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrf(formPage));
        return post(action, withToken);
    }

    /** Posts a multipart form with one file (and the CSRF token of {@code formPage}). */
    public HttpResponse<String> upload(String formPage, String action, Map<String, String> fields, String fileField,
                                       String fileName, byte[] content) {
        String boundary = "----gemeinwerk" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrf(formPage));
        withToken.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(action).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** The CSRF token in the first form of {@code page}. */
    public String csrf(String page) {
        HttpResponse<String> response = get(page);
        Matcher token = CSRF.matcher(response.body());
        assertThat(token.find()).as("a CSRF field on %s (%d)", page, response.statusCode()).isTrue();
        return token.group(1);
    }

    /** Signs in through the login page; fails the test if that does not work. */
    public void signIn(String login, String password) {
        HttpResponse<String> response = submit(console() + "anmelden", console() + "anmelden",
                Map.of("login", login, "password", password));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=')
                    .append(value));
            request.header("Cookie", header.toString());
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                boolean expired = List.of(setCookie.toLowerCase().split(";\\s*")).contains("max-age=0");
                if (expired || value.isEmpty()) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
