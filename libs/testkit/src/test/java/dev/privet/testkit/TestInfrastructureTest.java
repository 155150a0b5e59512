package dev.privet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class TestInfrastructureTest {

    @Test
    void sameInstancesOnEveryCall() {
        assertThat(TestInfrastructure.kafka()).isSameAs(TestInfrastructure.kafka());
        assertThat(TestInfrastructure.postgres()).isSameAs(TestInfrastructure.postgres());
    }

    @Test
    void anotherClassLoaderBorrowsTheSameServers() throws Exception {
        KafkaBroker kafka = TestInfrastructure.kafka();
        Postgres postgres = TestInfrastructure.postgres();

        Class<?> copy = new ChildFirstLoader(getClass().getClassLoader())
                .loadClass(TestInfrastructure.class.getName());
        assertThat(copy).isNotSameAs(TestInfrastructure.class);

        Object otherKafka = copy.getMethod("kafka").invoke(null);
        Object otherPostgres = copy.getMethod("postgres").invoke(null);
        assertThat(otherKafka.getClass().getMethod("bootstrapServers").invoke(otherKafka))
                .isEqualTo(kafka.bootstrapServers());
        assertThat(otherPostgres.getClass().getMethod("adminJdbcUrl").invoke(otherPostgres))
                .isEqualTo(postgres.adminJdbcUrl());
        Object database = otherPostgres.getClass().getMethod("createDatabase", String.class).invoke(otherPostgres, "copy");
        assertThat(database.toString()).contains("/copy_");
    }

    /** Loads this library's classes afresh, as a Quarkus application class loader would. */
    private static final class ChildFirstLoader extends ClassLoader {

        ChildFirstLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.privet.testkit.") || name.endsWith("Test") || name.contains("Test$")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = define(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        private Class<?> define(String name) throws ClassNotFoundException {
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
