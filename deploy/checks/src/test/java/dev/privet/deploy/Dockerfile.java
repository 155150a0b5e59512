package dev.privet.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** deploy/docker/Dockerfile.jvm, the one image every Privet service runs from, under Compose and on Kubernetes. */
public final class Dockerfile {
    public static final String PATH = "deploy/docker/Dockerfile.jvm";

    private Dockerfile() {
    }

    /** The images of its FROM instructions. */
    static List<String> baseImages() {
        return Pattern.compile("(?m)^FROM (\\S+)").matcher(Repository.read(PATH)).results().map(m -> m.group(1)).toList();
    }

    /** Its COPY instructions, source by destination. */
    static Map<String, String> copies() {
        Map<String, String> copies = new LinkedHashMap<>();
        Pattern.compile("(?m)^COPY (?:--\\S+ )*(\\S+) (\\S+)$").matcher(Repository.read(PATH)).results()
                .forEach(m -> copies.put(m.group(2), m.group(1)));
        return copies;
    }

    /** Its ENV settings (NAME=value, one or more to an instruction, continued with "\"): every container's own. */
    public static Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        String dockerfile = Repository.read(PATH).replace("\\\n", " ");
        Pattern.compile("(?m)^ENV (.+)$").matcher(dockerfile).results().forEach(line -> Pattern
                .compile("(\\w+)=(\"[^\"]*\"|\\S+)").matcher(line.group(1)).results()
                .forEach(m -> environment.put(m.group(1), m.group(2).replace("\"", ""))));
        return environment;
    }
}
