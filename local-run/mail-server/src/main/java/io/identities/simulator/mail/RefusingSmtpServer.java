package io.identities.simulator.mail;

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
 * An SMTP server that accepts any login and refuses one step of the exchange (MAIL FROM, RCPT TO,
 * or the message at the end of DATA) with the reply it is given, every other one with success: by
 * default every recipient for good ({@code 550 5.1.1}), as a receiving server does for an address
 * that does not exist (the bounce at send time).
 */
public final class RefusingSmtpServer implements AutoCloseable {

  /** The step it refuses. */
  public enum Step {
    MAIL,
    RCPT,
    DATA
  }

  private final ServerSocket socket;
  private final Step step;
  private final String refusal;

  /** Refuses every recipient: {@code 550 5.1.1}. */
  public RefusingSmtpServer() {
    this(Step.RCPT, "550 5.1.1 Recipient address rejected: user unknown");
  }

  /** Refuses {@code step} with {@code refusal}, e.g. {@code 554 5.7.1 ...} at DATA. */
  public RefusingSmtpServer(Step step, String refusal) {
    this.step = step;
    this.refusal = refusal;
    try {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::accept, "refusing-smtp");
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
    reply(out, "220 refusing.example ESMTP");
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
      switch (command) {
        case "EHLO" ->
            reply(out, "250-refusing.example\r\n250-ENHANCEDSTATUSCODES\r\n250 AUTH PLAIN");
        case "HELO" -> reply(out, "250 refusing.example");
        case "AUTH" -> reply(out, "235 2.7.0 Authentication successful");
        case "MAIL" -> reply(out, step == Step.MAIL ? refusal : "250 2.1.0 Ok");
        case "RCPT" -> reply(out, step == Step.RCPT ? refusal : "250 2.1.5 Ok");
        case "DATA" -> {
          reply(out, "354 End data with <CR><LF>.<CR><LF>");
          for (String data = in.readLine(); data != null && !data.equals("."); ) {
            data = in.readLine();
          }
          reply(out, step == Step.DATA ? refusal : "250 2.0.0 Ok: queued");
        }
        case "QUIT" -> {
          reply(out, "221 2.0.0 Bye");
          return;
        }
        default -> reply(out, "250 Ok");
      }
    }
  }

  private static void reply(PrintWriter out, String reply) {
    out.print(reply + "\r\n");
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
