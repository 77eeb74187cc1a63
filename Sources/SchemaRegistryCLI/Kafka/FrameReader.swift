/// Length-prefixed records (4-byte big-endian length, then the bytes), the input of `produce --raw-framed`:
/// already encoded messages, for measuring librdkafka alone on the same bytes the validating path sends.
final class FrameReader {
    private let input: InputBuffer
    private(set) var recordNumber = 0

    init(path: String?) throws(CLIFailure) {
        input = try InputBuffer(path: path)
    }

    func next() throws(CLIFailure) -> UnsafeBufferPointer<UInt8>? {
        guard try ensure(4) else { return nil }
        let prefix = input.view(from: 0, count: 4)
        let length = prefix.reduce(0) { $0 << 8 | Int($1) }
        guard try ensure(4 + length) else {
            throw CLIFailure("\(input.name): record \(recordNumber + 1) is cut short (\(length) bytes announced)")
        }
        recordNumber += 1
        let record = input.view(from: 4, count: length)
        input.start += 4 + length
        return record
    }

    /// Whether `count` bytes are buffered, reading as needed; false only at a clean end of input.
    private func ensure(_ count: Int) throws(CLIFailure) -> Bool {
        while input.available < count {
            if try !input.fill() {
                if input.available == 0 { return false }
                throw CLIFailure("\(input.name): \(input.available) trailing bytes do not form a record")
            }
        }
        return true
    }
}
