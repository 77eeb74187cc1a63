/// Bounds that keep hostile input from exhausting the stack or spinning: binary input already bounds memory
/// (no count is trusted beyond what the remaining bytes can hold), except for items that take zero bytes.
public struct AvroCodecLimits: Sendable, Equatable {
    /// Deepest nesting of records, arrays and maps (recursive schemas can nest without end).
    public var maxDepth: Int
    /// Most items of a zero-size type (null, empty record) one array or map may hold.
    public var maxZeroSizeItems: Int

    public init(maxDepth: Int = 256, maxZeroSizeItems: Int = 1 << 20) {
        self.maxDepth = maxDepth
        self.maxZeroSizeItems = maxZeroSizeItems
    }
}
