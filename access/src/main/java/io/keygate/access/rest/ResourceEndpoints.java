package io.keygate.access.rest;

import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * The path template of a matched resource method, written as the OpenAPI document writes it: the class's and the
 * method's {@code @Path} joined, without parameter regular expressions ({@code /tenants/{tenantId}/api-keys}).
 */
final class ResourceEndpoints {

    private final Map<String, String> templates = new ConcurrentHashMap<>();

    String template(SimpleResourceInfo resource) {
        String key = resource.getResourceClass().getName() + "#" + resource.getMethodName()
                + Arrays.toString(resource.parameterTypes());
        return templates.computeIfAbsent(key, ignored -> compute(resource));
    }

    private static String compute(SimpleResourceInfo resource) {
        Class<?> type = resource.getResourceClass();
        Method method = find(type, resource.getMethodName(), resource.parameterTypes());
        Path classPath = type.getAnnotation(Path.class);
        Path methodPath = method == null ? null : method.getAnnotation(Path.class);
        return normalise(
                (classPath == null ? "" : classPath.value()) + "/" + (methodPath == null ? "" : methodPath.value()));
    }

    static String normalise(String path) {
        String withoutRegexes = path.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}");
        String single = ("/" + withoutRegexes).replaceAll("/+", "/");
        return single.length() > 1 && single.endsWith("/") ? single.substring(0, single.length() - 1) : single;
    }

    private static Method find(Class<?> type, String name, Class<?>[] parameterTypes) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            try {
                return current.getDeclaredMethod(name, parameterTypes);
            } catch (NoSuchMethodException e) {
                // look in the superclass
            }
        }
        return null;
    }
}
