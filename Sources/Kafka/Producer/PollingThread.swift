import CRdKafka
import Foundation
import Synchronization

/// A dedicated thread that calls `rd_kafka_poll`, which is where librdkafka runs delivery-report callbacks.
///
/// A thread rather than a task because `rd_kafka_poll` blocks; it wakes as soon as a report arrives, so the
/// interval only bounds how long stopping takes. The thread holds the client, so the handle is destroyed only
/// after the last poll returned.
final class PollingThread: Sendable {
    private let stopRequested = Atomic<Bool>(false)

    static func start(client: NativeClient, name: String) -> PollingThread {
        let poller = PollingThread()
        let thread = Thread { [client, poller] in
            while !poller.stopRequested.load(ordering: .acquiring) {
                rd_kafka_poll(client.pointer, 100)
            }
        }
        thread.name = name
        thread.start()
        return poller
    }

    func stop() {
        stopRequested.store(true, ordering: .releasing)
    }
}
