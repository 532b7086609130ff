package io.identities.backbone.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of a local server, which a test can cut ({@link #cut()}: open connections
 * are dropped and new ones refused, as when the server goes down) and restore. One per target port,
 * shared by the test resource that points the service at it and the tests that cut it.
 */
public final class TcpProxy implements AutoCloseable {

  private static final ConcurrentHashMap<Integer, TcpProxy> PROXIES = new ConcurrentHashMap<>();

  private final int target;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private int port;
  private volatile ServerSocket server;

  private TcpProxy(int target) {
    this.target = target;
  }

  /** The proxy in front of RabbitMQ on {@code port}, started on first use. */
  public static TcpProxy rabbitMq(int port) {
    return to(port);
  }

  /** The proxy in front of the machine's PostgreSQL, started on first use. */
  public static TcpProxy postgreSql() {
    return to(5432);
  }

  private static TcpProxy to(int port) {
    return PROXIES.computeIfAbsent(
        port,
        p -> {
          TcpProxy proxy = new TcpProxy(p);
          proxy.restore();
          return proxy;
        });
  }

  public int port() {
    return port;
  }

  /** Drops every open connection and refuses new ones. */
  public synchronized void cut() {
    close();
  }

  /** Accepts connections again, on the same port. */
  public synchronized void restore() {
    if (server != null) {
      return;
    }
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      port = socket.getLocalPort();
      server = socket;
      daemon(() -> accept(socket));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() {
    ServerSocket current = server;
    server = null;
    quietly(current);
    sockets.forEach(TcpProxy::quietly);
    sockets.clear();
  }

  private void accept(ServerSocket socket) {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        sockets.add(client);
        try {
          Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
          sockets.add(upstream);
          pipe(client, upstream);
          pipe(upstream, client);
        } catch (IOException e) {
          quietly(client); // the target refused: so does the proxy
        }
      } catch (IOException e) {
        // closed by cut()
      }
    }
  }

  private void pipe(Socket from, Socket to) {
    daemon(
        () -> {
          try (InputStream in = from.getInputStream();
              OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
          } catch (IOException e) {
            // connection dropped
          } finally {
            quietly(from);
            quietly(to);
          }
        });
  }

  private static void daemon(Runnable work) {
    Thread thread = new Thread(work, "tcp-proxy");
    thread.setDaemon(true);
    thread.start();
  }

  private static void quietly(AutoCloseable closeable) {
    if (closeable != null) {
      try {
        closeable.close();
      } catch (Exception e) {
        // already closed
      }
    }
  }
}
