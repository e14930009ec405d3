import ClaretModel
import Dispatch
import Testing

@Suite("Locked guards a value shared between threads")
struct LockedTests {
    @Test("withLock hands out the value to change and returns the body's result")
    func readAndWrite() {
        let counter = Locked(1)
        let doubled = counter.withLock { value -> Int in
            value += 1
            return value * 2
        }
        #expect(doubled == 4)
        #expect(counter.withLock { $0 } == 2)
    }

    @Test("increments from many threads are none of them lost")
    func concurrentIncrements() {
        let counter = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<1000 { counter.withLock { $0 += 1 } }
        }
        #expect(counter.withLock { $0 } == 8000)
    }

    @Test("an error thrown by the body reaches the caller and the lock is released")
    func throwingBody() {
        struct Refused: Error {}
        let locked = Locked("x")
        #expect(throws: Refused.self) { try locked.withLock { _ in throw Refused() } }
        #expect(locked.withLock { $0 } == "x")
    }
}
