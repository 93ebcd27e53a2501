package org.onewindow.catalog.application;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.onewindow.catalog.domain.ItemVersion;
import org.onewindow.catalog.domain.Publication;
import org.onewindow.kernel.error.Causes;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.Messages;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.Scope;
import org.onewindow.kernel.scope.Scopes;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;

/**
 * Publishing a standard version in the background (后台发布, ADR 0012): the request queues a publication and returns
 * at once; a managed thread of the container runs it as the publication job ({@code system:publication}, with the
 * standards editor's role; ADR 0018), in short transactions: it stages each county's re-based overrides in that
 * county's own transaction, puts the new version in force for every tenant in one small
 * transaction, then settles each county (removes the old version's rows, audits each re-base). A failure before the
 * new version is in force discards what was staged, so every tenant stays on the old version; readers are never
 * blocked, and never see a tenant half on one version and half on the other.
 *
 * <p>The thread running a publication holds its lease and renews it with every step. Every node looks for
 * publications whose lease ran out (their node stopped or hangs), at start-up and then every few seconds, and resumes
 * them where they stand; a publication whose worker still renews its lease is never touched by another node.
 */
@ApplicationScoped
public class PublicationService {

    private static final Logger LOG = Logger.getLogger(PublicationService.class.getName());

    /** How often a node looks for publications to take over: well within a lease. */
    static final Duration ADOPT_EVERY = Duration.ofSeconds(5);

    /**
     * Counties staged, and settled, at the same time. Each county's step is a short series of round trips between
     * the server and the database (settling writes one audit entry per re-based override, a few round trips each):
     * two lanes keep both busy on two cores.
     */
    static final int LANES = 2;

    /** This node, as workers name it: host and a random id, new at every start. */
    private static final String NODE =
            host() + "/" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    Caller caller;

    @Inject
    Scopes scopes;

    @Inject
    Publications publications;

    @Inject
    StandardsService standards;

    @Inject
    CountyRebase countyRebase;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> watching;

    /** Queues the publication of a draft and starts it; answers at once with the queued publication. */
    public Publication publish(String itemCode, int number) {
        StaffPrincipal editor = Staff.requireAny(caller, Role.STANDARDS_EDITOR);
        if (standards
                .openDraft(itemCode)
                .filter(draft -> draft.number() == number)
                .isEmpty()) {
            throw DomainException.notFound("catalog.draft.not.found", itemCode, number);
        }
        standards.requireValidDraft(itemCode, number);
        String worker = newWorker();
        Publication queued = publications.queue(itemCode, number, editor.username(), worker);
        try {
            Scope job = StandardsService.publicationAt(
                    new Publications.Home(editor.tenantCode().value(), editor.tenantLevel()));
            executor.execute(() -> scopes.run(job, () -> run(queued.id(), worker, job)));
        } catch (RejectedExecutionException e) {
            DomainException refusal = DomainException.conflict("catalog.publication.rejected", itemCode);
            publications.failed(queued.id(), worker, refusal.key(), Messages.format(Messages.DEFAULT_LOCALE, refusal));
            throw refusal;
        }
        return queued;
    }

    public Publication find(UUID id) {
        Staff.requireAny(caller, Role.STANDARDS_EDITOR);
        return publications.find(id);
    }

    public List<Publication> recent(String itemCode) {
        Staff.requireAny(caller, Role.STANDARDS_EDITOR);
        return publications.recent(itemCode, 20);
    }

    /** Resumes publications whose worker stopped: now (the server starts), then every {@link #ADOPT_EVERY}. */
    public synchronized void watch() {
        if (watching == null) {
            watching = scheduler.scheduleWithFixedDelay(
                    this::adoptExpired, 0, ADOPT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    synchronized void stopWatching() {
        if (watching != null) {
            watching.cancel(false);
        }
    }

    /**
     * Takes over the publications whose lease ran out and runs each, as the publication job at the home of the
     * editor who started it.
     */
    void adoptExpired() {
        try {
            String worker = newWorker();
            for (UUID id : publications.adoptExpired(worker)) {
                Publication adopted = publications.find(id);
                LOG.warning(() -> "Resuming publication " + id + " of " + adopted.itemCode() + " v"
                        + adopted.versionNumber() + " (" + adopted.state() + "), whose worker stopped");
                Scope job = StandardsService.publicationAt(publications.homeOf(adopted.startedBy()));
                executor.execute(() -> scopes.run(job, () -> run(id, worker, job)));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not look for interrupted publications", e);
        }
    }

    /** Runs the publication from where it stands, as long as {@code worker} holds it. */
    private Void run(UUID id, String worker, Scope job) {
        Publication publication = publications.find(id);
        try {
            if (publication.state() == Publication.State.QUEUED) {
                discardStaged(publication, worker);
                standards.startPublication(id, worker, publication.itemCode(), publication.versionNumber(), LANES);
                publication = publications.find(id);
            }
            StandardsService.Update update =
                    standards.update(publication.itemCode(), publication.versionNumber(), publication.fromVersion());
            if (publication.state() == Publication.State.RUNNING) {
                stageAll(publication, worker, update, job);
                standards.putInForce(id, worker, publication.itemCode(), publication.versionNumber());
                publication = publications.find(id);
            }
            if (publication.state() == Publication.State.SETTLING) {
                settleAll(publication, worker, update, job);
                publications.succeeded(id, worker);
            }
        } catch (Publications.LeaseLost e) {
            LOG.info(() -> "Publication " + id + " is run by another worker now; " + worker + " stops");
        } catch (RuntimeException e) {
            failed(id, worker, e);
        }
        return null;
    }

    /**
     * Stages the counties not staged yet. The counties, in the order of their codes, are dealt out to the lanes in
     * turn; each lane stages its share in order and the publication counts each lane's counties in each county's own
     * transaction, so a resumed one goes on after the last county each lane committed. The overriding counties cannot
     * change meanwhile: changes of the item's overrides are refused while it runs.
     */
    private void stageAll(Publication publication, String worker, StandardsService.Update update, Scope job) {
        if (update.from().isEmpty()) {
            return;
        }
        ItemVersion from = update.from().get();
        List<String> counties = standards.countiesOverriding(from.code(), from.number());
        int[] lanesDone = publications.lanesDone(publication.id());
        if (counties.size() != publication.countiesTotal() || lanesDone.length == 0) {
            throw new DomainException("catalog.publication.counties.changed", publication.itemCode());
        }
        List<List<Runnable>> lanes = new ArrayList<>();
        for (int lane = 0; lane < lanesDone.length; lane++) {
            int own = lane;
            List<Runnable> steps = new ArrayList<>();
            for (int i = lane + lanesDone.length * lanesDone[lane]; i < counties.size(); i += lanesDone.length) {
                String county = counties.get(i);
                steps.add(() -> scopes.run(
                        StandardsService.inCounty(county),
                        () -> countyRebase.stage(publication.id(), worker, own, from, update.to())));
            }
            lanes.add(steps);
        }
        inLanes(lanes, job);
    }

    /** Settles every county still holding rows of the old version, in {@link #LANES} lanes. */
    private void settleAll(Publication publication, String worker, StandardsService.Update update, Scope job) {
        if (update.from().isEmpty()) {
            return;
        }
        ItemVersion from = update.from().get();
        List<String> counties = standards.countiesOverriding(from.code(), from.number());
        List<List<Runnable>> lanes = new ArrayList<>();
        for (int lane = 0; lane < LANES; lane++) {
            List<Runnable> steps = new ArrayList<>();
            for (int i = lane; i < counties.size(); i += LANES) {
                String county = counties.get(i);
                steps.add(() -> scopes.run(
                        StandardsService.inCounty(county),
                        () -> countyRebase.settle(publication.id(), worker, from, update.to())));
            }
            lanes.add(steps);
        }
        inLanes(lanes, job);
    }

    /**
     * Runs the lanes' steps side by side, the first lane on this thread, the others on the container's executor, each
     * in the publication's {@code job} scope. After a step fails no lane starts another (the steps under way commit,
     * and count, or roll back); the first failure is rethrown once every lane stopped.
     */
    private void inLanes(List<List<Runnable>> lanes, Scope job) {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Function<List<Runnable>, Void> lane = steps -> {
            for (Runnable step : steps) {
                if (failure.get() != null) {
                    break;
                }
                try {
                    step.run();
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
            return null;
        };
        List<Future<?>> others = new ArrayList<>();
        for (List<Runnable> steps : lanes.subList(1, lanes.size())) {
            others.add(executor.submit(() -> scopes.run(job, () -> lane.apply(steps))));
        }
        lane.apply(lanes.getFirst());
        others.forEach(PublicationService::join);
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /**
     * A step failed. Before the new version is in force, what was staged is discarded and the publication fails with
     * the reason: every tenant stays on the old version. Once it is in force the publication cannot fail any more: it
     * stays settling, and is resumed when its lease runs out.
     */
    private void failed(UUID id, String worker, RuntimeException cause) {
        try {
            if (!publications.runs(id, worker)) {
                LOG.log(Level.INFO, "Publication " + id + " is run by another worker now; " + worker + " stops", cause);
                return;
            }
            Publication publication = publications.find(id);
            if (publication.state() == Publication.State.SETTLING) {
                LOG.log(Level.WARNING, "Publication " + id + " is in force but not settled; it will be resumed", cause);
                return;
            }
            discardStaged(publication, worker);
            if (cause instanceof DomainException e) {
                publications.failed(id, worker, e.key(), Messages.format(Messages.DEFAULT_LOCALE, e));
            } else {
                LOG.log(
                        Level.WARNING,
                        "Publication " + id + " failed; every tenant stays on the version in force",
                        cause);
                publications.failed(id, worker, "catalog.publication.failed", Causes.rootMessage(cause, 500));
            }
        } catch (Publications.LeaseLost e) {
            LOG.info(() -> "Publication " + id + " is run by another worker now; " + worker + " stops");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record the failure of publication " + id, e);
        }
    }

    /**
     * Removes every row staged on the draft's version, county by county (the counties holding any); the rows of the
     * version in force stay. Before the first county is staged this removes what an earlier publication of the same
     * draft could not discard (it failed, then lost its connection), so every staged row is this publication's own.
     */
    private void discardStaged(Publication publication, String worker) {
        ItemVersion to = standards
                .update(publication.itemCode(), publication.versionNumber(), OptionalInt.empty())
                .to();
        for (String county : standards.countiesOverriding(publication.itemCode(), publication.versionNumber())) {
            scopes.run(StandardsService.inCounty(county), () -> countyRebase.discard(publication.id(), worker, to));
        }
    }

    private static void join(Future<?> lane) {
        try {
            lane.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while settling", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String newWorker() {
        return NODE + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
