#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A running count on stderr for long runs, at most once a second: on a terminal one line redrawn in place, with
/// `--progress` into a pipe or file one line per report. Silent otherwise, so scripts and tests see only results.
struct Progress {
    private let verb: String
    private let enabled: Bool
    private let inPlace: Bool
    private let started = ContinuousClock.now
    private var lastReport = ContinuousClock.now
    private var printed = false

    init(verb: String, forced: Bool) {
        self.verb = verb
        let terminal = isatty(STDERR_FILENO) == 1
        self.enabled = forced || terminal
        self.inPlace = terminal
    }

    /// Cheap enough to call per record: the clock is read once every 4,096 records.
    mutating func update(_ count: Int) {
        guard enabled, count & 4095 == 0 else { return }
        let now = ContinuousClock.now
        guard now - lastReport >= .seconds(1) else { return }
        lastReport = now
        report(count, now: now)
    }

    /// Ends an in-place line so the summary starts on its own.
    mutating func finish(_ count: Int) {
        guard enabled, printed else { return }
        report(count, now: ContinuousClock.now)
        if inPlace { Console.error("") }
    }

    private mutating func report(_ count: Int, now: ContinuousClock.Instant) {
        printed = true
        let elapsed = now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Int(Double(count) / seconds) : 0
        let text = "\(verb) \(count) records (\(rate)/s)"
        if inPlace {
            var line = "\r" + text
            line.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
        } else {
            Console.error(text)
        }
    }
}
