package io.identities.backbone.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.identities.backbone.events.EventTypes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a native build of the service would be given, as the build writes it without GraalVM ({@code
 * quarkus.native.sources-only}, the {@code native-sources} execution in the root pom, into {@code
 * target/native-readiness}): the classes registered for reflection and the resources included.
 * Tests check that what the service reads reflectively at run time is there.
 */
public final class NativeReadiness {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern JACKSON_READ =
      Pattern.compile(
          "\\b(?:readValue|treeToValue|convertValue)\\([^;]*?,\\s*([A-Z][\\w.]*)\\.class\\s*\\)");

  private final Set<String> reflective = new HashSet<>();
  private final List<String> resourcePatterns = new ArrayList<>();

  private NativeReadiness(JsonNode reflection, JsonNode resources) {
    reflection.forEach(entry -> reflective.add(entry.path("name").asText()));
    resources
        .path("resources")
        .path("includes")
        .forEach(p -> resourcePatterns.add(p.path("pattern").asText()));
  }

  /** The registrations of the service built in this module (run from its directory). */
  public static NativeReadiness ofThisService() throws IOException {
    Path sources = Path.of("target", "native-readiness", "native-sources");
    Path runner;
    try (Stream<Path> files = Files.list(sources)) {
      runner =
          files
              .filter(file -> file.getFileName().toString().endsWith("-runner.jar"))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no native sources in " + sources));
    }
    try (JarFile jar = new JarFile(runner.toFile())) {
      return new NativeReadiness(
          read(jar, "META-INF/native-image/reflect-config.json"),
          read(jar, "META-INF/native-image/resource-config.json"));
    }
  }

  private static JsonNode read(JarFile jar, String entry) throws IOException {
    try (InputStream in = jar.getInputStream(jar.getEntry(entry))) {
      return JSON.readTree(in);
    }
  }

  /** The names among {@code classes} that are not registered for reflection. */
  public List<String> unregistered(List<String> classes) {
    return classes.stream().filter(name -> !reflective.contains(name)).toList();
  }

  /** Whether a resource at this path would be in the native image. */
  public boolean includes(String resource) {
    return resourcePatterns.stream().anyMatch(resource::matches);
  }

  /**
   * What a native image of the service would lack: of the backbone's event payloads, the types its
   * code hands Jackson by name, its entities and {@code reflective}, the classes not registered for
   * reflection; of {@code resources}, those not included. Empty when it is ready.
   */
  public static List<String> missing(List<String> reflective, List<String> resources)
      throws IOException, URISyntaxException {
    NativeReadiness service = ofThisService();
    List<String> missing = new ArrayList<>();
    List<String> classes = new ArrayList<>(eventPayloads());
    classes.addAll(readByJackson());
    classes.addAll(entities());
    classes.addAll(reflective);
    service.unregistered(classes).forEach(name -> missing.add("reflection: " + name));
    resources.stream()
        .filter(resource -> !service.includes(resource))
        .forEach(resource -> missing.add("resource: " + resource));
    return missing;
  }

  /**
   * The classes the service's code reads with Jackson by class literal ({@code readValue(json,
   * Session.class)}, {@code treeToValue}, {@code convertValue}), found in its sources ({@code
   * src/main/java}) and resolved through their imports and package.
   */
  public static List<String> readByJackson() throws IOException {
    List<String> read = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        Matcher call = JACKSON_READ.matcher(source);
        while (call.find()) {
          read.add(resolve(call.group(1), source));
        }
      }
    }
    return read;
  }

  /** {@code Outer.Inner} as written in {@code source}: the class it names. */
  private static String resolve(String written, String source) {
    String first = written.split("\\.")[0];
    Matcher imported = Pattern.compile("(?m)^import ([\\w.]+)\\." + first + ";").matcher(source);
    Matcher pkg = Pattern.compile("(?m)^package ([\\w.]+);").matcher(source);
    String name =
        (imported.find() ? imported.group(1) : pkg.find() ? pkg.group(1) : "") + "." + written;
    // a nested class: its binary name has $ where the source has a dot
    for (String candidate = name; candidate.contains("."); ) {
      try {
        return Class.forName(candidate, false, NativeReadiness.class.getClassLoader()).getName();
      } catch (ClassNotFoundException e) {
        int dot = candidate.lastIndexOf('.');
        candidate = candidate.substring(0, dot) + "$" + candidate.substring(dot + 1);
      }
    }
    throw new IllegalStateException("Jackson reads " + written + ", which is no class here");
  }

  /** The service's JPA entities (in {@code target/classes}): Hibernate reads them by reflection. */
  public static List<String> entities() throws IOException {
    Path classes = Path.of("target", "classes");
    List<String> entities = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString().replace('/', '.');
        try {
          Class<?> type =
              Class.forName(
                  name.substring(0, name.length() - ".class".length()),
                  false,
                  NativeReadiness.class.getClassLoader());
          if (type.isAnnotationPresent(jakarta.persistence.Entity.class)) {
            entities.add(type.getName());
          }
        } catch (ClassNotFoundException | LinkageError e) {
          // not loadable outside Quarkus (generated): no entity of ours
        }
      }
    }
    return entities;
  }

  /** Every record of the backbone's event payloads: the consumers read each with Jackson. */
  public static List<String> eventPayloads() throws IOException, URISyntaxException {
    Path location =
        Path.of(EventTypes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String folder = EventTypes.class.getPackageName().replace('.', '/') + "/";
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(location)) {
      try (Stream<Path> files = Files.list(location.resolve(folder))) {
        files.map(file -> folder + file.getFileName()).forEach(names::add);
      }
    } else {
      try (JarFile jar = new JarFile(location.toFile())) {
        jar.stream()
            .map(e -> e.getName())
            .filter(n -> n.startsWith(folder) && n.indexOf('/', folder.length()) < 0)
            .forEach(names::add);
      }
    }
    List<String> records = new ArrayList<>();
    for (String name : names) {
      if (name.endsWith(".class")) {
        String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
        try {
          if (Class.forName(className).isRecord()) {
            records.add(className);
          }
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return records;
  }

  /**
   * The classes a reflective reader (Gson, Jackson) reaches from {@code roots} through their
   * fields, their generic type arguments and their superclasses, among those whose names start with
   * {@code prefix}: what must be registered for it to read a whole answer.
   */
  public static List<String> reachableThroughFields(String prefix, Class<?>... roots) {
    Set<String> seen = new java.util.LinkedHashSet<>();
    java.util.ArrayDeque<java.lang.reflect.Type> todo = new java.util.ArrayDeque<>(List.of(roots));
    while (!todo.isEmpty()) {
      java.lang.reflect.Type type = todo.pop();
      if (type instanceof java.lang.reflect.ParameterizedType generic) {
        todo.push(generic.getRawType());
        List.of(generic.getActualTypeArguments()).forEach(todo::push);
      } else if (type instanceof Class<?> c) {
        Class<?> element = c.isArray() ? c.getComponentType() : c;
        if (element.getName().startsWith(prefix) && seen.add(element.getName())) {
          for (java.lang.reflect.Field field : element.getDeclaredFields()) {
            if (!java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
              todo.push(field.getGenericType());
            }
          }
          if (element.getGenericSuperclass() != null) {
            todo.push(element.getGenericSuperclass());
          }
        }
      }
    }
    return List.copyOf(seen);
  }
}
