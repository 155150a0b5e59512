package dev.privet.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration properties a Privet module reads, taken from its sources and those of the repository's modules
 * it runs with (its dependencies on them that are not test-scoped, transitively): the keys of their
 * application.properties and META-INF/microprofile-config.properties (a profile's key sets the same property),
 * every {@code @ConfigProperty(name = ...)}, and the tree of every {@code @ConfigMapping} interface. In a mapping a
 * member is named by its {@code @WithName} or its name in kebab case, {@code @WithParentName} puts it on its
 * parent's name, a group (an interface of the same source, else of the other sources) adds its own members below,
 * {@code Optional} is looked through, a map's key is a wildcard ({@code privet.auth.keys.*.secret}) and a list of
 * groups is indexed ({@code name[*].member}). So a setting renamed in the code no longer matches what a deployment
 * file sets. The compose and the Kubernetes checks both ask this class.
 *
 * <p>It reads the sources, not the compiled classes. Reflection on the classes (or SmallRye's own
 * {@code ConfigMappingInterface}) would know the mapping rules exactly, but it needs the classes of every service
 * and library, and all that they link to (Quarkus, Vert.x, the AWS SDK) to load a class with an
 * {@code @ConfigProperty} constructor: the checks would depend on every service module, so run on their own
 * ({@code -pl deploy/checks}) they would take those from the local Maven repository, built from whatever sources
 * were installed last, not the ones checked out. Which module runs with which library is read from the poms either
 * way. The sources are always those of the checkout, and their few forms of declaration are easy to read.
 */
public final class ServiceProperties {
    private static final String APPLICATION_PROPERTIES = "src/main/resources/application.properties";
    private static final List<String> PROPERTIES_FILES =
            List.of(APPLICATION_PROPERTIES, "src/main/resources/META-INF/microprofile-config.properties");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern PARENT = Pattern.compile("<parent>.*?</parent>", Pattern.DOTALL);
    private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern TEST_SCOPE = Pattern.compile("<scope>\\s*test\\s*</scope>");
    private static final Pattern PRIVET_GROUP = Pattern.compile("<groupId>\\s*dev\\.privet\\s*</groupId>");
    /** A mapping's member: a method without parameters or body; what precedes its type are its annotations. */
    private static final Pattern MEMBER = Pattern.compile(
            "^(.*?)\\b([\\w.]+(?:<[\\w.<>, ?]+>)?(?:\\[])*)\\s+(\\w+)\\s*\\(\\s*\\)$", Pattern.DOTALL);
    private static final Pattern WITH_NAME = Pattern.compile("@(?:[\\w.]+\\.)?WithName\\s*\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern WITH_PARENT_NAME = Pattern.compile("@(?:[\\w.]+\\.)?WithParentName\\b");
    private static final Pattern MAP = Pattern.compile("(?:[\\w.]+\\.)?Map<\\s*[\\w.]+\\s*,\\s*(.+)>");
    private static final Pattern COLLECTION = Pattern.compile("(?:[\\w.]+\\.)?(?:List|Set|Collection)<(.+)>");
    private static final Pattern OPTIONAL = Pattern.compile("(?:[\\w.]+\\.)?Optional<(.+)>");

    private static final Map<String, ServiceProperties> READ = new ConcurrentHashMap<>();

    private final Properties applicationProperties;
    private final Set<String> names;

    private ServiceProperties(Properties applicationProperties, Set<String> names) {
        this.applicationProperties = applicationProperties;
        this.names = names;
    }

    /** The properties {@code module} (a folder of the repository: gateway, provider-service, ...) reads. */
    public static ServiceProperties of(String module) {
        return READ.computeIfAbsent(module, ServiceProperties::read);
    }

    /** Whether an environment variable of this name sets a property the module reads (MicroProfile Config's rules). */
    public boolean readsEnvironmentVariable(String variable) {
        String wanted = envForm(variable);
        return names.stream().anyMatch(name -> envPattern(name).matcher(wanted).matches());
    }

    /** Whether the module's own application.properties sets {@code name} in its default profile. */
    public boolean hasApplicationProperty(String name) {
        return applicationProperties.containsKey(name);
    }

    /** A value of the module's own application.properties (its default profile). */
    public String applicationProperty(String name) {
        String value = applicationProperties.getProperty(name);
        if (value == null) {
            throw new AssertionError(name + " is not in the module's application.properties");
        }
        return value;
    }

    /** MicroProfile Config's environment form: every character but a letter or digit is _, and upper case. */
    public static String envForm(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    private static ServiceProperties read(String module) {
        Set<String> names = new LinkedHashSet<>();
        Map<String, JavaSource> sources = new LinkedHashMap<>();
        for (String dir : withPrivetDependencies(module)) {
            for (String file : PROPERTIES_FILES) {
                if (Files.isRegularFile(Repository.path(dir + "/" + file))) {
                    Repository.properties(dir + "/" + file).stringPropertyNames()
                            .forEach(key -> names.add(withoutProfile(key)));
                }
            }
            javaSources(dir).forEach(file -> sources.put(file, JavaSource.of(Repository.read(file))));
        }
        Map<String, JavaSource> everyInterface = new LinkedHashMap<>();
        sources.values().forEach(source -> source.interfaces().forEach(everyInterface::putIfAbsent));
        sources.forEach((file, source) -> names.addAll(declaredIn(file, source, everyInterface)));
        Properties own = Files.isRegularFile(Repository.path(module + "/" + APPLICATION_PROPERTIES))
                ? Repository.properties(module + "/" + APPLICATION_PROPERTIES) : new Properties();
        return new ServiceProperties(own, Set.copyOf(names));
    }

    /**
     * The properties {@code source} declares: its {@code @ConfigProperty} names and its mappings' trees, whose groups
     * are interfaces of the same source, else of {@code otherInterfaces}.
     */
    static Set<String> declaredIn(String file, JavaSource source, Map<String, JavaSource> otherInterfaces) {
        Set<String> names = new LinkedHashSet<>();
        for (JavaSource.Annotation property : source.annotations("ConfigProperty")) {
            names.add(attribute(property, "name", file));
        }
        Map<String, JavaSource> groups = new LinkedHashMap<>(otherInterfaces);
        groups.putAll(source.interfaces());
        for (JavaSource.Annotation mapping : source.annotations("ConfigMapping")) {
            if (mapping.arguments().contains("namingStrategy")) {
                throw new IllegalStateException(file + ": these checks know only the default, kebab-case naming"
                        + " of @ConfigMapping: " + mapping.arguments());
            }
            JavaSource body = source.interfaceBodyAfter(mapping.end());
            if (body == null) {
                throw new IllegalStateException(file + ": @ConfigMapping on no interface");
            }
            mappingNames(attribute(mapping, "prefix", file), body, groups, names);
        }
        return names;
    }

    private static String attribute(JavaSource.Annotation annotation, String name, String file) {
        Matcher value = Pattern.compile("\\b" + name + "\\s*=\\s*\"([^\"]*)\"").matcher(annotation.arguments());
        if (!value.find()) {
            throw new IllegalStateException(file + ": no " + name + " in (" + annotation.arguments() + ")");
        }
        return value.group(1);
    }

    /** The properties of a mapping's (or a group's) members, under {@code prefix}. */
    private static void mappingNames(String prefix, JavaSource body, Map<String, JavaSource> groups, Set<String> names) {
        for (String declaration : body.declarations()) {
            Matcher member = MEMBER.matcher(declaration.strip());
            if (!member.matches()) {
                continue; // a constant, not a property
            }
            String annotations = member.group(1);
            Matcher withName = WITH_NAME.matcher(annotations);
            String path = WITH_PARENT_NAME.matcher(annotations).find() ? prefix
                    : prefix + "." + (withName.find() ? withName.group(1) : kebab(member.group(3)));
            String type = member.group(2);
            boolean indexed = false;
            for (boolean unwrapped = true; unwrapped; ) {
                Matcher map = MAP.matcher(type);
                Matcher collection = COLLECTION.matcher(type);
                Matcher optional = OPTIONAL.matcher(type);
                if (map.matches()) {
                    path += ".*";
                    type = map.group(1).strip();
                } else if (collection.matches()) {
                    indexed = true;
                    type = collection.group(1).strip();
                } else if (optional.matches()) {
                    type = optional.group(1).strip();
                } else {
                    unwrapped = false;
                }
            }
            JavaSource group = groups.get(type.substring(type.lastIndexOf('.') + 1));
            if (group != null) {
                mappingNames(indexed ? path + "[*]" : path, group, groups, names);
            } else {
                names.add(path);
            }
        }
    }

    /** The module's folder and those of the repository's modules it runs with, transitively. */
    private static List<String> withPrivetDependencies(String module) {
        Map<String, String> folders = moduleFolders();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(module));
        while (!todo.isEmpty()) {
            String dir = todo.pop();
            if (!seen.add(dir)) {
                continue;
            }
            Matcher dependency = DEPENDENCY.matcher(Repository.read(dir + "/pom.xml"));
            while (dependency.find()) {
                String declaration = dependency.group(1);
                if (!PRIVET_GROUP.matcher(declaration).find() || TEST_SCOPE.matcher(declaration).find()) {
                    continue; // another project's, or only for the module's tests (the testkit)
                }
                Matcher artifact = ARTIFACT_ID.matcher(declaration);
                String folder = artifact.find() ? folders.get(artifact.group(1)) : null;
                if (folder == null) {
                    throw new IllegalStateException(dir + "/pom.xml uses a dev.privet artifact that no module of the"
                            + " root pom builds: " + declaration.strip());
                }
                todo.add(folder);
            }
        }
        return List.copyOf(seen);
    }

    /** The root pom's modules, folder by artifact id. */
    private static Map<String, String> moduleFolders() {
        Map<String, String> folders = new LinkedHashMap<>();
        MODULE.matcher(Repository.read("pom.xml")).results().map(m -> m.group(1)).forEach(folder -> {
            Matcher own = ARTIFACT_ID.matcher(PARENT.matcher(Repository.read(folder + "/pom.xml")).replaceFirst(""));
            if (!own.find()) {
                throw new IllegalStateException(folder + "/pom.xml names no artifact of its own");
            }
            folders.put(own.group(1), folder);
        });
        return folders;
    }

    private static List<String> javaSources(String dir) {
        Path main = Repository.path(dir + "/src/main/java");
        if (!Files.isDirectory(main)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(main)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted()
                    .map(f -> Repository.root().relativize(f).toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A property's environment variables: its env form, with anything for each wildcard. */
    private static Pattern envPattern(String name) {
        List<String> parts = new ArrayList<>();
        for (String literal : name.split("\\*", -1)) {
            parts.add(Pattern.quote(envForm(literal)));
        }
        return Pattern.compile(String.join(".+", parts));
    }

    /** A profile's key ({@code %dev,test.name}) sets the same property as its plain name. */
    private static String withoutProfile(String key) {
        return key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
    }

    /** SmallRye's default naming of a mapping member: kebab case. */
    private static String kebab(String method) {
        return method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
