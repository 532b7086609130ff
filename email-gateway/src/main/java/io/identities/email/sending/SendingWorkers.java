package io.identities.email.sending;

import io.identities.email.sending.SendService.SendQueued;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The workers that run the {@link Dispatcher}: each takes due sends until none is left, then waits
 * for a new send or the poll interval (a deferred send becomes due by the clock alone).
 */
@ApplicationScoped
public class SendingWorkers {

  private static final Logger LOG = Logger.getLogger(SendingWorkers.class);

  private final Dispatcher dispatcher;
  private final SendingConfig config;
  private final Object signal = new Object();
  private final AtomicInteger threads = new AtomicInteger();
  private boolean signalled;
  private volatile boolean running;
  private ExecutorService workers;

  SendingWorkers(Dispatcher dispatcher, SendingConfig config) {
    this.dispatcher = dispatcher;
    this.config = config;
  }

  void start(@Observes StartupEvent startup) {
    if (config.workers() == 0) {
      return; // this instance takes sends in but leaves sending to others
    }
    running = true;
    workers =
        Executors.newFixedThreadPool(
            config.workers(), r -> new Thread(r, "sending-" + threads.incrementAndGet()));
    for (int i = 0; i < config.workers(); i++) {
      workers.execute(this::work);
    }
  }

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) SendQueued queued) {
    wake();
  }

  /** Has the workers look for due sends now. */
  public void wake() {
    synchronized (signal) {
      signalled = true;
      signal.notifyAll();
    }
  }

  @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void retryStuckSends() {
    if (dispatcher.retryStuckSends() > 0) {
      wake();
    }
  }

  private void work() {
    while (running) {
      int decided = 0;
      ManagedContext requestContext = Arc.container().requestContext();
      requestContext.activate(); // the tenant of each send
      try {
        decided = dispatcher.dispatchDue();
      } catch (RuntimeException e) {
        LOG.warnf("sending failed, trying again shortly: %s", e.toString());
      } finally {
        requestContext.terminate();
      }
      if (decided == 0) {
        awaitWork();
      }
    }
  }

  private void awaitWork() {
    synchronized (signal) {
      try {
        if (!signalled) {
          signal.wait(config.pollInterval().toMillis());
        }
        signalled = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }

  void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
    running = false;
    wake();
    if (workers == null) {
      return;
    }
    workers.shutdown();
    workers.awaitTermination(10, TimeUnit.SECONDS);
  }
}
