import Dispatch

/// Runs the registry's writes one at a time, in arrival order, on a serial queue of their own.
///
/// One writer is what makes "read state, decide, commit, update memory" atomic without holding the readers'
/// lock while the disk syncs; and it runs off the cooperative pool, so a slow fsync never stalls HTTP readers.
final class WriteQueue: Sendable {
    private let queue = DispatchQueue(label: "schema-registry.writer", qos: .userInitiated)

    func run<T: Sendable>(_ body: @escaping @Sendable () -> Result<T, RegistryError>) async throws(RegistryError) -> T {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<T, RegistryError>, Never>) in
            queue.async { continuation.resume(returning: body()) }
        }
        return try result.get()
    }
}
