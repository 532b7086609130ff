package io.identities.backbone.schedule;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.jboss.logging.Logger;

/**
 * Threads that do a service's queued work: each runs {@code work} (in a request context of its own,
 * for the tenant of what it handles) until it reports nothing done, then waits for {@link #wake()}
 * or the poll interval (work deferred to a slot becomes due by the clock alone).
 */
public final class WorkerPool {

  private static final Logger LOG = Logger.getLogger(WorkerPool.class);

  private final String name;
  private final int threads;
  private final Duration pollInterval;
  private final IntSupplier work;
  private final Object signal = new Object();
  private final AtomicInteger started = new AtomicInteger();
  private boolean signalled;
  private volatile boolean running;
  private ExecutorService workers;

  /**
   * @param work does some work and answers how much; 0 lets the thread wait
   */
  public WorkerPool(String name, int threads, Duration pollInterval, IntSupplier work) {
    this.name = name;
    this.threads = threads;
    this.pollInterval = pollInterval;
    this.work = work;
  }

  public void start() {
    if (threads == 0) {
      return; // this instance takes work in but leaves doing it to others
    }
    running = true;
    workers =
        Executors.newFixedThreadPool(
            threads, r -> new Thread(r, name + "-" + started.incrementAndGet()));
    for (int i = 0; i < threads; i++) {
      workers.execute(this::work);
    }
  }

  /** Has the threads look for work now. */
  public void wake() {
    synchronized (signal) {
      signalled = true;
      signal.notifyAll();
    }
  }

  public void stop() throws InterruptedException {
    running = false;
    wake();
    if (workers == null) {
      return;
    }
    workers.shutdown();
    workers.awaitTermination(10, TimeUnit.SECONDS);
  }

  private void work() {
    while (running) {
      int done = 0;
      ManagedContext requestContext = Arc.container().requestContext();
      requestContext.activate();
      try {
        done = work.getAsInt();
      } catch (RuntimeException e) {
        LOG.warnf("%s failed, trying again shortly: %s", name, e.toString());
      } finally {
        requestContext.terminate();
      }
      if (done == 0) {
        awaitWork();
      }
    }
  }

  private void awaitWork() {
    synchronized (signal) {
      try {
        if (!signalled) {
          signal.wait(pollInterval.toMillis());
        }
        signalled = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }
}
