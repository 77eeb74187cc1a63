import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C (SIGINT) or SIGTERM during `produce` stops reading input instead of killing the process, so what was
/// already handed to librdkafka is still delivered and the summary says where the run stopped. A second signal
/// ends the process at once, as usual.
final class Interruption {
    /// Set from the signal handler's queue, read by the producing loop.
    private final class Flag: Sendable {
        let signal = Atomic<Int32>(0)
    }

    private let flag = Flag()
    private let sources: [any DispatchSourceSignal]

    init() {
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            sources.append(DispatchSource.makeSignalSource(signal: number, queue: .global()))
        }
        self.sources = sources
        for (source, number) in zip(sources, [SIGINT, SIGTERM]) {
            source.setEventHandler { [flag] in
                flag.signal.store(number, ordering: .relaxed)
                signal(number, SIG_DFL)
            }
            source.resume()
        }
    }

    /// The signal received, if any.
    var signalNumber: Int32? {
        let value = flag.signal.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }

    var name: String {
        switch signalNumber {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        default: return "a signal"
        }
    }
}
