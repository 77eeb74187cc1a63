#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file (or stdin) read in large chunks into one growable buffer, so records are handed out as views into it
/// rather than copied one by one. A view stays valid until the next `fill`.
final class InputBuffer {
    /// What to call the input in messages: the path, or "stdin".
    let name: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private(set) var storage: UnsafeMutableBufferPointer<UInt8>
    /// Unconsumed bytes are `storage[start..<end]`.
    var start = 0
    private(set) var end = 0
    private(set) var isAtEnd = false
    /// Asked while waiting for input (a terminal or pipe may stay silent); true ends the input early.
    private let shouldStop: (() -> Bool)?
    /// Whether the input was cut short by `shouldStop` rather than ending.
    private(set) var wasStopped = false

    /// - Parameter path: nil or "-" reads stdin.
    init(path: String?, capacity: Int = 1 << 20, shouldStop: (() -> Bool)? = nil) throws(CLIFailure) {
        self.shouldStop = shouldStop
        if let path, path != "-" {
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else {
                throw CLIFailure("cannot open \(path): \(String(cString: strerror(errno)))")
            }
            self.descriptor = descriptor
            self.ownsDescriptor = true
            self.name = path
        } else {
            self.descriptor = STDIN_FILENO
            self.ownsDescriptor = false
            self.name = "stdin"
        }
        storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(capacity, 4096))
    }

    deinit {
        storage.deallocate()
        if ownsDescriptor { close(descriptor) }
    }

    var available: Int { end - start }

    /// Reads more input after the unconsumed bytes (moved to the front first, the buffer doubled when they fill
    /// it). Returns false at the end of the input. Invalidates views handed out before.
    func fill() throws(CLIFailure) -> Bool {
        if isAtEnd { return false }
        if start > 0 {
            if start < end, let base = storage.baseAddress {
                memmove(base, base + start, end - start)
            }
            end -= start
            start = 0
        }
        if end == storage.count {
            let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: storage.count * 2)
            _ = larger.initialize(fromContentsOf: storage)
            storage.deallocate()
            storage = larger
        }
        while true {
            guard let base = storage.baseAddress else { return false }
            if let shouldStop, try !waitForInput(shouldStop) {
                wasStopped = true
                isAtEnd = true
                return false
            }
            let count = read(descriptor, base + end, storage.count - end)
            if count > 0 {
                end += count
                return true
            }
            if count == 0 {
                isAtEnd = true
                return false
            }
            if errno == EINTR { continue }
            throw CLIFailure("cannot read \(name): \(String(cString: strerror(errno)))")
        }
    }

    /// Waits until a read would not block, asking `shouldStop` every 200 ms; false when it said stop. A regular
    /// file is always ready, so this costs one `poll` per buffer fill.
    private func waitForInput(_ shouldStop: () -> Bool) throws(CLIFailure) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while true {
            if shouldStop() { return false }
            let ready = poll(&entry, 1, 200)
            if ready > 0 { return true }
            if ready < 0 && errno != EINTR {
                throw CLIFailure("cannot wait for \(name): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// A view of `count` unconsumed bytes from `offset` past `start`.
    func view(from offset: Int, count: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: storage[(start + offset)..<(start + offset + count)])
    }
}
