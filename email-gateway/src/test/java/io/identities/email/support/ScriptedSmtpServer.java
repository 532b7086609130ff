package io.identities.email.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An SMTP server that accepts any login and answers one step of the exchange (MAIL FROM, RCPT TO,
 * or the end of DATA) with the reply a test gives, every other one with success: a server that
 * refuses the sender, the recipient or the message, in its own words.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

  /** The step whose reply the test gives. */
  public enum Step {
    MAIL,
    RCPT,
    DATA
  }

  private final ServerSocket socket;
  private final Step step;
  private final String reply;

  public ScriptedSmtpServer(Step step, String reply) {
    this.step = step;
    this.reply = reply;
    try {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::accept, "scripted-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return socket.getLocalPort();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        converse(client);
      } catch (IOException e) {
        // the client hung up, or the server closed
      }
    }
  }

  private void converse(Socket client) throws IOException {
    BufferedReader in =
        new BufferedReader(
            new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
    PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
    send(out, "220 scripted.example ESMTP");
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
      switch (command) {
        case "EHLO" ->
            send(out, "250-scripted.example\r\n250-ENHANCEDSTATUSCODES\r\n250 AUTH PLAIN");
        case "AUTH" -> send(out, "235 2.7.0 Authentication successful");
        case "MAIL" -> send(out, step == Step.MAIL ? reply : "250 2.1.0 Ok");
        case "RCPT" -> send(out, step == Step.RCPT ? reply : "250 2.1.5 Ok");
        case "DATA" -> {
          send(out, "354 End data with <CR><LF>.<CR><LF>");
          for (String data = in.readLine(); data != null && !data.equals("."); ) {
            data = in.readLine();
          }
          send(out, step == Step.DATA ? reply : "250 2.0.0 Ok: queued");
        }
        case "QUIT" -> {
          send(out, "221 2.0.0 Bye");
          return;
        }
        default -> send(out, "250 Ok");
      }
    }
  }

  private static void send(PrintWriter out, String line) {
    out.print(line + "\r\n");
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
