/// Lines copied out of the read buffer so that they outlive it, for encoding on another task. Blank lines are
/// only remembered by number (they are passed over, not sent).
struct LineChunk: Sendable {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    /// The 1-based input line number of each stored line.
    private(set) var lineNumbers: [Int] = []
    private(set) var blankLineNumbers: [Int] = []

    var count: Int { ends.count }

    mutating func append(_ line: UnsafeBufferPointer<UInt8>, number: Int) {
        bytes.append(contentsOf: line)
        ends.append(bytes.count)
        lineNumbers.append(number)
    }

    mutating func appendBlank(number: Int) {
        blankLineNumbers.append(number)
    }

    /// Calls `body` with each stored line, in order.
    func forEachLine(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            for end in ends {
                body(UnsafeBufferPointer(rebasing: all[start..<end]))
                start = end
            }
        }
    }
}
