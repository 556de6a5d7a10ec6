package id.webrana.cloud.adapter.out.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny SMTP server for tests that answers each command with a scripted reply, so that tests can make a real
 * Jakarta Mail client meet 4xx and 5xx replies at a chosen step (GreenMail accepts everything). It can also stay
 * silent (accept the connection, never greet) to provoke a read timeout.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket serverSocket;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-smtp");
        t.setDaemon(true);
        return t;
    });
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private volatile String rcptReply = "250 2.1.5 Ok";
    private volatile String dataReply = "250 2.0.0 Ok: queued as 42";
    private volatile boolean silent;

    private ScriptedSmtpServer() throws IOException {
        serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        executor.execute(this::acceptLoop);
    }

    static ScriptedSmtpServer start() throws IOException {
        return new ScriptedSmtpServer();
    }

    String host() {
        return serverSocket.getInetAddress().getHostAddress();
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    /** The reply to {@code RCPT TO}. */
    ScriptedSmtpServer replyToRcpt(String reply) {
        rcptReply = reply;
        return this;
    }

    /** The reply after the message data ({@code .}). */
    ScriptedSmtpServer replyToData(String reply) {
        dataReply = reply;
        return this;
    }

    /** Accept connections but never say anything. */
    ScriptedSmtpServer silent() {
        silent = true;
        return this;
    }

    /** The commands received, in order (message data excluded). */
    List<String> commands() {
        return List.copyOf(commands);
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                connections.add(socket);
                executor.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(15_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            if (silent) {
                while (in.read() >= 0) {
                    // say nothing until the client gives up
                }
                return;
            }
            reply(out, "220 scripted.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                commands.add(line);
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (verb) {
                    case "EHLO", "HELO" -> reply(out, "250 scripted.test");
                    case "MAIL" -> reply(out, "250 2.1.0 Ok");
                    case "RCPT" -> reply(out, rcptReply);
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        String data;
                        while ((data = in.readLine()) != null && !data.equals(".")) {
                            // the message itself is not recorded
                        }
                        reply(out, dataReply);
                    }
                    case "RSET", "NOOP" -> reply(out, "250 2.0.0 Ok");
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 Command not recognized");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Socket socket : connections) {
            socket.close();
        }
        executor.shutdownNow();
    }
}
