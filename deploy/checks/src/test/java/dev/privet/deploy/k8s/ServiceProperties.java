package dev.privet.deploy.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration properties a Privet module reads, found in its sources and those of the repository's libraries
 * it depends on: the keys of its application.properties (and of a library's microprofile-config.properties), every
 * {@code @ConfigProperty(name = ...)} and every property of a {@code @ConfigMapping} interface. A map's key is a
 * wildcard ({@code privet.auth.keys.*.secret}).
 */
final class ServiceProperties {

    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{]*\\{");
    /** A mapping's property: a method without parameters and without a body, perhaps renamed by @WithName. */
    private static final Pattern PROPERTY = Pattern.compile(
            "(?:@WithName\\(\\s*\"([^\"]+)\"\\s*\\)\\s*)?(?:@\\w+(?:\\([^)]*\\))?\\s*)*([\\w.]+(?:<[\\w.<>, ?]+>)?)\\s+(\\w+)\\(\\s*\\)\\s*;");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>(privet-[\\w-]+)</artifactId>");
    /** A dependency the module runs with: test-scoped ones (the testkit) are not part of the service. */
    private static final Pattern DEPENDENCY = Pattern.compile(
            "<dependency>(?:(?!</dependency>).)*?<artifactId>(privet-[\\w-]+)</artifactId>(?:(?!</dependency>).)*?</dependency>",
            Pattern.DOTALL);
    private static final Pattern WRAPPER = Pattern.compile("(?:Optional|List|Set)<(.+)>");
    private static final Pattern MAP = Pattern.compile("Map<\\s*String\\s*,\\s*(.+)>");

    private final Map<String, String> applicationProperties;
    private final Set<String> names;

    private ServiceProperties(Map<String, String> applicationProperties, Set<String> names) {
        this.applicationProperties = applicationProperties;
        this.names = names;
    }

    /** The properties module {@code module} (a folder of the repository: gateway, provider-service, ...) reads. */
    static ServiceProperties of(Path root, String module) {
        Map<String, Path> libraries = libraries(root);
        Set<Path> modules = new LinkedHashSet<>();
        collect(root.resolve(module), libraries, modules);
        Set<String> names = new LinkedHashSet<>();
        for (Path dir : modules) {
            Path resources = dir.resolve("src/main/resources");
            for (Path file : List.of(resources.resolve("application.properties"),
                    resources.resolve("META-INF/microprofile-config.properties"))) {
                load(file).keySet().forEach(key -> names.add(withoutProfile(key)));
            }
            javaSources(dir.resolve("src/main/java")).forEach(source -> names.addAll(readIn(source)));
        }
        Map<String, String> own = new LinkedHashMap<>(load(root.resolve(module).resolve("src/main/resources/application.properties")));
        return new ServiceProperties(own, names);
    }

    /** A value of the module's own application.properties (its default profile). */
    String applicationProperty(String name) {
        String value = applicationProperties.get(name);
        if (value == null) {
            throw new AssertionError(name + " is not in the module's application.properties");
        }
        return value;
    }

    /** Whether an environment variable of this name sets a property the module reads (MicroProfile Config's rules). */
    boolean readsEnvironmentVariable(String variable) {
        String wanted = envForm(variable);
        return names.stream().anyMatch(name -> envPattern(name).matcher(wanted).matches());
    }

    Set<String> names() {
        return names;
    }

    /** MicroProfile Config's environment form: every character but a letter or digit is _, and upper case. */
    static String envForm(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    private static Pattern envPattern(String name) {
        List<String> parts = new ArrayList<>();
        for (String literal : name.split("\\*", -1)) {
            parts.add(Pattern.quote(envForm(literal)));
        }
        return Pattern.compile(String.join(".+", parts));
    }

    private static String withoutProfile(String key) {
        return key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
    }

    /** The repository's libraries (libs/*), by artifact id. */
    private static Map<String, Path> libraries(Path root) {
        Map<String, Path> byArtifact = new LinkedHashMap<>();
        try (Stream<Path> dirs = Files.list(root.resolve("libs"))) {
            dirs.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
                    .forEach(dir -> byArtifact.put(ownArtifactId(dir), dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byArtifact;
    }

    private static void collect(Path module, Map<String, Path> libraries, Set<Path> into) {
        if (!into.add(module)) {
            return;
        }
        Matcher m = DEPENDENCY.matcher(read(module.resolve("pom.xml")));
        while (m.find()) {
            if (m.group().contains("<scope>test</scope>")) {
                continue;
            }
            Path library = libraries.get(m.group(1));
            if (library != null) {
                collect(library, libraries, into);
            }
        }
    }

    private static String ownArtifactId(Path module) {
        // The module's own artifact id follows the parent's, which is the first privet-... in the pom.
        Matcher m = ARTIFACT.matcher(read(module.resolve("pom.xml")));
        m.find();
        if (!m.find()) {
            throw new IllegalStateException(module + "/pom.xml names no artifact of its own");
        }
        return m.group(1);
    }

    private static List<String> readIn(Path source) {
        String code = JavaText.withoutComments(read(source));
        List<String> found = new ArrayList<>();
        Matcher property = CONFIG_PROPERTY.matcher(code);
        while (property.find()) {
            found.add(property.group(1));
        }
        Matcher mapping = CONFIG_MAPPING.matcher(code);
        while (mapping.find()) {
            Matcher root = INTERFACE.matcher(code);
            if (!root.find(mapping.end())) {
                throw new IllegalStateException(source + ": @ConfigMapping on no interface");
            }
            int open = root.end() - 1;
            String body = code.substring(open + 1, JavaText.closingBrace(code, open));
            mappingProperties(mapping.group(1), body, found);
        }
        return found;
    }

    /** The properties of a mapping interface's body: leaves, nested interfaces and maps of either. */
    private static void mappingProperties(String prefix, String body, List<String> into) {
        Map<String, String> nested = new LinkedHashMap<>();
        StringBuilder own = new StringBuilder();
        int at = 0;
        Matcher inner = INTERFACE.matcher(body);
        while (inner.find(at)) {
            int open = inner.end() - 1;
            int close = JavaText.closingBrace(body, open);
            nested.put(inner.group(1), body.substring(open + 1, close));
            own.append(body, at, inner.start());
            at = close + 1;
        }
        own.append(body.substring(at));
        // What remains of default methods are their signatures, with parameters: never a property.
        Matcher property = PROPERTY.matcher(JavaText.withoutBlocks(own.toString()));
        while (property.find()) {
            String name = property.group(1) != null ? property.group(1) : kebab(property.group(3));
            String type = unwrapped(property.group(2));
            Matcher map = MAP.matcher(type);
            String path = prefix + "." + name;
            if (map.matches()) {
                path += ".*";
                type = unwrapped(map.group(1).trim());
            }
            if (nested.containsKey(type)) {
                mappingProperties(path, nested.get(type), into);
            } else {
                into.add(path);
            }
        }
    }

    private static String unwrapped(String type) {
        Matcher wrapper = WRAPPER.matcher(type);
        return wrapper.matches() ? wrapper.group(1).trim() : type;
    }

    /** SmallRye's default naming of a mapping method: kebab case. */
    private static String kebab(String method) {
        return method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static List<Path> javaSources(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> load(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        if (Files.isRegularFile(file)) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
        }
        return values;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
