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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration properties a module reads, taken from its sources and those of the Privet libraries it depends
 * on: the keys of its application.properties and of the libraries' microprofile-config.properties, the names of
 * {@code @ConfigProperty}, and the trees of {@code @ConfigMapping} interfaces (a map's key is a wildcard). So a
 * setting that is renamed in the code no longer matches what a deployment file sets.
 */
final class ConfigNames {
    private static final Pattern PRIVET_DEPENDENCY = Pattern.compile(
            "<dependency>\\s*<groupId>dev\\.privet</groupId>\\s*<artifactId>privet-([\\w-]+)</artifactId>(.*?)</dependency>",
            Pattern.DOTALL);
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONFIG_MAPPING = Pattern.compile(
            "@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"\\s*\\)[^{]*?interface\\s+\\w+[^{]*\\{");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)\\b[^{]*$");
    private static final Pattern MEMBER = Pattern.compile(
            "^(.*?)\\b([\\w.]+(?:<[\\w.<>, ?]+>)?)\\s+(\\w+)\\s*\\(\\s*\\)$", Pattern.DOTALL);
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern MAP_OF = Pattern.compile("Map<\\s*String\\s*,\\s*([\\w.]+)\\s*>");
    private static final Pattern GENERIC = Pattern.compile("\\w+<\\s*([\\w.]+)\\s*>");

    private final Set<String> names;

    private ConfigNames(Set<String> names) {
        this.names = names;
    }

    /** The properties {@code module} (a directory of the repository, e.g. provider-service) reads. */
    static ConfigNames of(String module) {
        Set<String> names = new LinkedHashSet<>();
        for (String dir : withPrivetDependencies(module)) {
            propertyKeys(dir + "/src/main/resources/application.properties", names);
            propertyKeys(dir + "/src/main/resources/META-INF/microprofile-config.properties", names);
            for (String source : javaSources(dir)) {
                Code code = Code.of(source);
                CONFIG_PROPERTY.matcher(code.text()).results().forEach(m -> names.add(m.group(1)));
                Matcher mapping = CONFIG_MAPPING.matcher(code.text());
                while (mapping.find()) {
                    mappingNames(mapping.group(1), code.body(mapping.end() - 1), interfaces(code), names);
                }
            }
        }
        return new ConfigNames(names);
    }

    /** Whether the environment variable {@code name} sets one of the properties, by SmallRye Config's mapping. */
    boolean readsEnvironmentVariable(String name) {
        return names.stream().anyMatch(property -> environmentPattern(property).matcher(name).matches());
    }

    /** A property's environment variable: upper case, every other character than a letter or digit as "_". */
    private static Pattern environmentPattern(String property) {
        StringBuilder regex = new StringBuilder();
        for (String part : property.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append("[A-Z0-9_]+");
            }
            regex.append(Pattern.quote(part.replaceAll("[^A-Za-z0-9]", "_").toUpperCase()));
        }
        return Pattern.compile(regex.toString());
    }

    /** The module's directory and those of the Privet libraries it uses at run time, transitively. */
    private static List<String> withPrivetDependencies(String module) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(module));
        while (!todo.isEmpty()) {
            String dir = todo.pop();
            if (!seen.add(dir)) {
                continue;
            }
            Matcher dependency = PRIVET_DEPENDENCY.matcher(Repository.read(dir + "/pom.xml"));
            while (dependency.find()) {
                if (!dependency.group(2).contains("<scope>test</scope>")) {
                    String library = "libs/" + dependency.group(1);
                    if (!Files.isDirectory(Repository.path(library))) {
                        throw new IllegalStateException(dir + "/pom.xml uses privet-" + dependency.group(1)
                                + ", which is not in " + library);
                    }
                    todo.add(library);
                }
            }
        }
        return List.copyOf(seen);
    }

    private static void propertyKeys(String file, Set<String> names) {
        if (Files.isRegularFile(Repository.path(file))) {
            // A profile's value (%test.name) sets the same property.
            Repository.properties(file).stringPropertyNames()
                    .forEach(key -> names.add(key.replaceFirst("^%[\\w-]+\\.", "")));
        }
    }

    private static List<String> javaSources(String dir) {
        Path main = Repository.path(dir + "/src/main/java");
        if (!Files.isDirectory(main)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(main)) {
            return files.filter(f -> f.toString().endsWith(".java")).map(f -> Repository.read(Repository.root().relativize(f).toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The members of a mapping's body, each a property under {@code prefix}: a method's @WithName or its name in
     * kebab case; a nested interface's members under the method's name, a map's under a wildcard key.
     */
    private static void mappingNames(String prefix, Code body, Map<String, Code> nested, Set<String> names) {
        for (String declaration : abstractMethods(body)) {
            Matcher member = MEMBER.matcher(declaration.strip());
            if (!member.matches() || member.group(1).contains("default") || member.group(1).contains("static")) {
                continue;
            }
            Matcher withName = WITH_NAME.matcher(member.group(1));
            String name = prefix + "." + (withName.find() ? withName.group(1) : kebab(member.group(3)));
            String type = member.group(2);
            Matcher map = MAP_OF.matcher(type);
            if (map.matches()) {
                name = name + ".*";
                type = map.group(1);
            } else {
                Matcher generic = GENERIC.matcher(type);
                if (generic.matches()) { // Optional<Group>, List<Group>
                    type = generic.group(1);
                }
            }
            if (nested.containsKey(type)) {
                mappingNames(name, nested.get(type), nested, names);
            } else {
                names.add(name);
            }
        }
    }

    /** The declarations that end in ";" at the top level of an interface's body (not in a nested body). */
    private static List<String> abstractMethods(Code body) {
        List<String> declarations = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.masked().length(); i++) {
            char c = body.masked().charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                start = i + 1;
            } else if (c == ';' && depth == 0) {
                declarations.add(body.text().substring(start, i));
                start = i + 1;
            }
        }
        return declarations;
    }

    /** Every interface declared in {@code code}, by simple name, with its body. */
    private static Map<String, Code> interfaces(Code code) {
        Map<String, Code> interfaces = new LinkedHashMap<>();
        String masked = code.masked();
        for (int open = masked.indexOf('{'); open >= 0; open = masked.indexOf('{', open + 1)) {
            int from = Math.max(masked.lastIndexOf(';', open), Math.max(masked.lastIndexOf('{', open - 1),
                    masked.lastIndexOf('}', open))) + 1;
            Matcher header = INTERFACE.matcher(masked.substring(from, open));
            if (header.find()) {
                interfaces.put(header.group(1), code.body(open));
            }
        }
        return interfaces;
    }

    /** Source code without comments, and the same with the insides of its literals blanked, to find its braces in. */
    private record Code(String text, String masked) {
        static Code of(String source) {
            String text = withoutComments(source);
            StringBuilder masked = new StringBuilder(text);
            forEachLiteral(text, (from, to) -> {
                for (int i = from + 1; i < to - 1; i++) {
                    masked.setCharAt(i, ' ');
                }
            });
            return new Code(text, masked.toString());
        }

        /** The text between the brace at {@code open} and the one that closes it. */
        Code body(int open) {
            int depth = 0;
            for (int i = open; i < masked.length(); i++) {
                if (masked.charAt(i) == '{') {
                    depth++;
                } else if (masked.charAt(i) == '}' && --depth == 0) {
                    return new Code(text.substring(open + 1, i), masked.substring(open + 1, i));
                }
            }
            throw new IllegalStateException("unbalanced braces after " + text.substring(open, Math.min(text.length(), open + 80)));
        }
    }

    private static String kebab(String method) {
        return method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private interface LiteralAction {
        void at(int from, int to);
    }

    /** Calls {@code action} with the bounds of every string, text block and character literal of comment-free code. */
    private static void forEachLiteral(String code, LiteralAction action) {
        int i = 0;
        while (i < code.length()) {
            int end = literalEnd(code, i);
            if (end > i) {
                action.at(i, end);
                i = end;
            } else {
                i++;
            }
        }
    }

    /** The end of the literal that starts at {@code i}, or {@code i} when none does. */
    private static int literalEnd(String code, int i) {
        if (code.startsWith("\"\"\"", i)) {
            int end = code.indexOf("\"\"\"", i + 3);
            return end < 0 ? code.length() : end + 3;
        }
        char c = code.charAt(i);
        if (c != '"' && c != '\'') {
            return i;
        }
        int end = i + 1;
        while (end < code.length() && code.charAt(end) != c) {
            end += code.charAt(end) == '\\' ? 2 : 1;
        }
        return Math.min(code.length(), end + 1);
    }

    /** The code without its comments; literals are kept whole (a URL in a default is no comment). */
    private static String withoutComments(String code) {
        StringBuilder out = new StringBuilder(code.length());
        int i = 0;
        while (i < code.length()) {
            int literal = literalEnd(code, i);
            if (literal > i) {
                out.append(code, i, literal);
                i = literal;
            } else if (code.startsWith("//", i)) {
                int end = code.indexOf('\n', i);
                i = end < 0 ? code.length() : end;
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? code.length() : end + 2;
                out.append(' ');
            } else {
                out.append(code.charAt(i++));
            }
        }
        return out.toString();
    }
}
