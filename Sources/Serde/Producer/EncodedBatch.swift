/// Messages a `TopicWriter` validated and encoded but has not handed to librdkafka yet, in input order.
///
/// For spreading the encoding of one ordered stream over cores: copies of one writer each fill a batch on
/// their own task, then one writer hands the batches over in input order (`tryEnqueue(from:)`), so records
/// keep their order within a partition. Only a writer fills a batch, so every encoded entry passed
/// validation; refused entries keep their error and original bytes until they are handed over, which is
/// when they are counted and dead-lettered.
public struct EncodedBatch: Sendable {
    enum Entry: Sendable {
        case encoded(Range<Int>)
        case refused(ValidationError, original: [UInt8])
    }

    var bytes: [UInt8] = []
    var entries: [Entry] = []
    /// Entries handed over so far; the next `tryEnqueue(from:)` takes entry `position`.
    public internal(set) var position = 0

    public init() {}

    /// Entries in the batch, encoded and refused.
    public var count: Int { entries.count }

    /// Whether every entry was handed over.
    public var isFinished: Bool { position >= entries.count }

    /// Empties the batch, keeping its storage for the next one.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        position = 0
    }
}
