package dev.privet.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code java} command line, run with the JDK of the launcher itself: JVM options, system
 * properties, then either {@code -jar file} or {@code -cp path main-class}, then arguments.
 */
final class JavaCommand {

    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private final List<String> target;
    private final List<String> arguments = new ArrayList<>();

    private JavaCommand(List<String> target) {
        this.target = target;
    }

    static JavaCommand jar(Path jar) {
        return new JavaCommand(List.of("-jar", jar.toString()));
    }

    static JavaCommand mainClass(String classpath, String mainClass) {
        return new JavaCommand(List.of("-cp", classpath, mainClass));
    }

    JavaCommand jvmOptions(List<String> options) {
        jvmOptions.addAll(options);
        return this;
    }

    JavaCommand systemProperty(String name, Object value) {
        systemProperties.put(name, String.valueOf(value));
        return this;
    }

    JavaCommand systemProperties(Map<String, String> properties) {
        systemProperties.putAll(properties);
        return this;
    }

    JavaCommand arguments(String... values) {
        arguments.addAll(List.of(values));
        return this;
    }

    /** The command, starting with the {@code java} of the running JDK. */
    List<String> toList() {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.addAll(jvmOptions);
        systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(target);
        command.addAll(arguments);
        return command;
    }

    /** {@code $java.home/bin/java}: the same JDK as the running one. */
    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
