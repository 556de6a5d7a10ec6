package id.webrana.cloud.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Both ends of the child JVMs of the process-death tests.
 *
 * <p>The test's end: an instance starts each child on the test class path, waits (bounded) for it to end, and
 * returns its exit code and output (also kept in {@code <log dir>/<name>.log}); {@link #killAll} kills any child
 * still alive, for an {@code @AfterEach}.
 *
 * <p>The child's end: {@link #arg} and {@link #required} read its {@code --name=value} arguments.
 */
final class ChildJvm {

    /** How one child ended: its exit code, and a log of its output for assertion messages. */
    record ChildRun(int exitCode, String log) {
    }

    private final Path logDir;
    private final Duration timeout;
    private final List<Process> children = new ArrayList<>();

    /**
     * @param logDir  where the children's output goes (created at the first run)
     * @param timeout how long one child may run before it is killed and the test fails
     */
    ChildJvm(Path logDir, Duration timeout) {
        this.logDir = logDir;
        this.timeout = timeout;
    }

    /**
     * Runs {@code mainClass} in a child JVM to its end and asserts that it ended within the timeout.
     *
     * @param role      what the child is, for messages: {@code "worker"}, {@code "dispatcher"}
     * @param name      this run's name, also its log file's
     * @param afterward appended to the returned log: what the test's stand-ins saw by the time the child ended
     */
    ChildRun run(String role, String name, Class<?> mainClass, List<String> args, Supplier<String> afterward)
            throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", classPath,
                mainClass.getName()));
        command.addAll(args);
        File log = Files.createDirectories(logDir).resolve(name + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log)).start();
        children.add(process);
        boolean ended = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertThat(ended).as("%s %s ended within %s\n%s", role, name, timeout, output).isTrue();
        return new ChildRun(process.exitValue(), "---- " + role + " " + name + " ----\n" + output + "\n"
                + afterward.get());
    }

    /** Kills every child still alive and waits (bounded) for each to be gone. */
    void killAll() {
        for (Process p : children) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        for (Process p : children) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The value of the child's argument {@code name=value}, if given. */
    static Optional<String> arg(String[] args, String name) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return Optional.of(a.substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }

    /** The value of the child's argument {@code name=value}; without it the child cannot run. */
    static String required(String[] args, String name) {
        return arg(args, name).orElseThrow(() -> new IllegalArgumentException(name + " missing"));
    }
}
