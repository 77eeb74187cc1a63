import Foundation

/// Runs a blocking librdkafka call (flush, consumer close) on its own thread so that it never occupies one of the
/// few threads of Swift's cooperative pool while it waits.
func runBlocking<Value: Sendable>(name: String, _ body: @escaping @Sendable () -> Value) async -> Value {
    await withCheckedContinuation { continuation in
        let thread = Thread {
            continuation.resume(returning: body())
        }
        thread.name = name
        thread.start()
    }
}
