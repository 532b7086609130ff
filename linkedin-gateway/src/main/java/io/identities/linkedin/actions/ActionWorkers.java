package io.identities.linkedin.actions;

import io.identities.backbone.schedule.WorkerPool;
import io.identities.linkedin.actions.ActionService.ActionQueued;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * The workers that run the {@link ActionScheduler}: each decides and runs due actions until none is
 * left, then waits for a new action or the poll interval (a slot comes by the clock alone).
 */
@ApplicationScoped
public class ActionWorkers {

  private final ActionScheduler scheduler;
  private final WorkerPool workers;

  ActionWorkers(ActionScheduler scheduler, ActionsConfig config) {
    this.scheduler = scheduler;
    this.workers =
        new WorkerPool(
            "linkedin-actions", config.workers(), config.pollInterval(), scheduler::runDue);
  }

  void start(@Observes StartupEvent startup) {
    workers.start();
  }

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ActionQueued queued) {
    workers.wake();
  }

  @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void retryStuckActions() {
    if (scheduler.retryStuckActions() > 0) {
      workers.wake();
    }
  }

  void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
    workers.stop();
  }
}
