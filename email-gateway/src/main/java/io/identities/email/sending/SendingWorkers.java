package io.identities.email.sending;

import io.identities.backbone.schedule.WorkerPool;
import io.identities.email.sending.SendService.SendQueued;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * The workers that run the {@link Dispatcher}: each takes due sends until none is left, then waits
 * for a new send or the poll interval (a deferred send becomes due by the clock alone).
 */
@ApplicationScoped
public class SendingWorkers {

  private final Dispatcher dispatcher;
  private final WorkerPool workers;

  SendingWorkers(Dispatcher dispatcher, SendingConfig config) {
    this.dispatcher = dispatcher;
    this.workers =
        new WorkerPool("sending", config.workers(), config.pollInterval(), dispatcher::dispatchDue);
  }

  void start(@Observes StartupEvent startup) {
    workers.start();
  }

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) SendQueued queued) {
    wake();
  }

  /** Has the workers look for due sends now. */
  public void wake() {
    workers.wake();
  }

  @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void retryStuckSends() {
    if (dispatcher.retryStuckSends() > 0) {
      wake();
    }
  }

  void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
    workers.stop();
  }
}
