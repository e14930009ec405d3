import ClaretModel
import ClaretStore
import Foundation

/// Processes queued CSV imports in the background, one at a time, the way Claret's job queue does.
///
/// Each job walks through Claret's 8 documented steps, spread over `processingTime`, so a client always sees
/// it queued or processing before it finishes and has to poll. Stopping finishes the job in hand; jobs
/// still queued stay queued and are picked up on the next start.
public final class JobWorker: Sendable {
    /// The step names a processing job reports as `current_step`.
    static let steps = [
        "reading", "validating", "mapping", "staging", "importing", "writing-output", "writing-errors", "finishing",
    ]

    private let store: Store
    private let profile: @Sendable () -> BehaviourProfile
    private let processingTime: TimeInterval
    private let state = Locked(State())
    private let condition = NSCondition()

    private struct State {
        var running = false
        var wakeups = 0
        var finished = true
        var held = false
    }

    /// Creates a worker over `store`; `processingTime` is how long each job takes at least.
    public init(store: Store, processingTime: TimeInterval, profile: @escaping @Sendable () -> BehaviourProfile) {
        self.store = store
        self.processingTime = max(0, processingTime)
        self.profile = profile
    }

    /// Starts the background thread (requeueing jobs a previous run left processing).
    public func start() throws {
        try store.requeueUnfinishedJobs()
        let shouldStart = state.withLock { state -> Bool in
            guard !state.running else { return false }
            state.running = true
            state.finished = false
            return true
        }
        guard shouldStart else { return }
        // The thread holds the worker only while the loop runs, and says it has finished only once it has let
        // go: when stop() returns, a stopped worker (and its store) can be freed at once.
        let state = self.state
        let thread = Thread { [weak self] in
            self?.loop()
            state.withLock { $0.finished = true }
        }
        thread.name = "claret-harness job worker"
        thread.start()
    }

    /// Tells the worker a job was queued.
    public func wake() {
        condition.lock()
        state.withLock { $0.wakeups += 1 }
        condition.signal()
        condition.unlock()
    }

    /// Leaves every job not yet picked up queued until `release()` (across `stop()` and `start()` too); a job
    /// already in hand still finishes. Lets an embedder (a test, above all) observe a job in its `queued`
    /// state for as long as it needs to, instead of racing the worker.
    public func hold() {
        state.withLock { $0.held = true }
    }

    /// Lets the worker pick up queued jobs again after `hold()`.
    public func release() {
        state.withLock { $0.held = false }
        wake()
    }

    /// Stops after the job in hand; returns once the worker's thread has left its loop and let go of the
    /// worker (so a stopped worker and its store can be freed at once).
    public func stop() {
        let wasRunning = state.withLock { state -> Bool in
            let was = state.running
            state.running = false
            return was
        }
        guard wasRunning else { return }
        wake()
        while !state.withLock({ $0.finished }) { usleep(2000) }
    }

    /// Processes every queued job now, on the calling thread (for in-process tests; no delay).
    public func drain() throws {
        while let job = try store.claimNextJob() { try process(job, stepDelay: 0) }
    }

    private func loop() {
        while state.withLock({ $0.running }) {
            do {
                if !state.withLock({ $0.held }), let job = try store.claimNextJob() {
                    do {
                        try process(job, stepDelay: processingTime / Double(JobWorker.steps.count))
                    } catch {
                        // Never leave a job 'processing' for clients to poll forever.
                        MockServer.log("job \(job.id) of \(job.tenant.name) failed: \(error)")
                        try? store.fail(job, reason: "\(error)")
                    }
                    continue
                }
            } catch {
                MockServer.log("the job worker failed: \(error)")
            }
            condition.lock()
            if state.withLock({ $0.wakeups == 0 && $0.running }) {
                // Also wake up now and then, in case a job arrived through another process's store.
                _ = condition.wait(until: Date().addingTimeInterval(0.5))
            }
            state.withLock { $0.wakeups = 0 }
            condition.unlock()
        }
    }

    private func process(_ job: ClaimedJob, stepDelay: TimeInterval) throws {
        let profile = self.profile()
        for (index, step) in JobWorker.steps.enumerated().dropFirst().dropLast() {
            if stepDelay > 0 { Thread.sleep(forTimeInterval: stepDelay) }
            try store.recordProgress(of: job, completedSteps: index, step: step)
        }
        if stepDelay > 0 { Thread.sleep(forTimeInterval: stepDelay * 2) }
        let request: CSVImportRequest
        do {
            let upload = try store.upload(of: job)
            request = try CSVImportRequest.decode(
                fields: job.fields, file: (filename: job.filename, data: upload), profile: profile)
        } catch {
            // The upload passed these checks when it was queued; a profile replaced since may refuse it now.
            try store.fail(job, reason: "\(error)")
            return
        }
        try store.complete(job, with: request, profile: profile)
    }
}
