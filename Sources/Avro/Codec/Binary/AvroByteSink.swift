/// Output of the value encoder: raw memory with one capacity comparison per write. `Array.append` re-checks
/// uniqueness and capacity on every call and is not always inlined, which cost more than the encoding itself.
///
/// Starts in caller-provided scratch (stack memory from `withUnsafeTemporaryAllocation`) and moves to the heap
/// only when a value outgrows it, so a typical record costs no allocation until its bytes are copied out once.
/// Not a value type in spirit: copies share memory. Owners call `release()` when done.
struct AvroByteSink {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    private var ownsStorage: Bool

    init(scratch: UnsafeMutableBufferPointer<UInt8>) {
        if let start = scratch.baseAddress, scratch.count > 0 {
            base = start
            capacity = scratch.count
            ownsStorage = false
        } else {
            capacity = 256
            base = .allocate(capacity: capacity)
            ownsStorage = true
        }
    }

    /// Frees heap storage if the sink grew past its scratch.
    mutating func release() {
        if ownsStorage {
            base.deallocate()
            ownsStorage = false
            capacity = 0
            count = 0
        }
    }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Drops everything written after `mark` (a former `count`), e.g. a union branch that did not fit.
    @inline(__always)
    mutating func truncate(to mark: Int) {
        count = mark
    }

    @inline(__always)
    mutating func reserve(_ needed: Int) {
        if capacity &- count < needed { grow(needed) }
    }

    @inline(never)
    private mutating func grow(_ needed: Int) {
        let newCapacity = Swift.max(capacity &* 2, count + needed)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        if ownsStorage { base.deallocate() }
        base = newBase
        capacity = newCapacity
        ownsStorage = true
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count &+= 1
    }

    /// Zig-zag varint, at most 10 bytes.
    @inline(__always)
    mutating func appendLong(_ value: Int64) {
        reserve(AvroVarint.maxBytes)
        writeLong(value)
    }

    @inline(__always)
    mutating func appendFloat(_ value: Float) {
        reserve(4)
        UnsafeMutableRawPointer(base + count).storeBytes(of: value.bitPattern.littleEndian, as: UInt32.self)
        count &+= 4
    }

    @inline(__always)
    mutating func appendDouble(_ value: Double) {
        reserve(8)
        UnsafeMutableRawPointer(base + count).storeBytes(of: value.bitPattern.littleEndian, as: UInt64.self)
        count &+= 8
    }

    /// Raw bytes with no length prefix (fixed, pre-encoded defaults).
    @inline(__always)
    mutating func appendRaw(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).initialize(from: start, count: bytes.count)
        count &+= bytes.count
    }

    /// Length-prefixed bytes (bytes, string).
    @inline(__always)
    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        appendLong(Int64(bytes.count))
        appendRaw(bytes)
    }

    @inline(__always)
    mutating func appendBytes(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { appendBytes($0) }
    }

    @inline(__always)
    mutating func appendRaw(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { appendRaw($0) }
    }

    /// A string's UTF-8, length-prefixed. Native strings (small or heap) expose contiguous UTF-8 without a copy.
    @inline(__always)
    mutating func appendString(_ string: String) {
        if string.utf8.withContiguousStorageIfAvailable({ appendBytes($0) }) != nil { return }
        var copy = string
        copy.withUTF8 { appendBytes($0) }
    }

    /// `appendString` after the caller ran `reserve(string.utf8.count + 10)`, for strings with contiguous UTF-8
    /// (all native ones); false for others, which then need `appendString`. Nothing here can grow (and so free or
    /// allocate) memory, which lets a caller that reads the string out of borrowed memory skip retaining it: the
    /// optimizer keeps a loaded value alive with a retain only across calls it cannot see through.
    @inline(__always)
    mutating func appendReservedString(_ string: String) -> Bool {
        string.utf8.withContiguousStorageIfAvailable { (utf8) -> Void in
            writeLong(Int64(utf8.count))
            writeRaw(utf8)
        } != nil
    }

    /// Varint into reserved space.
    @inline(__always)
    private mutating func writeLong(_ value: Int64) {
        count &+= AvroVarint.write(value, to: base + count)
    }

    /// Bytes into reserved space. Runs of 8-16 bytes (many strings) are copied with two overlapping 8-byte
    /// moves instead of a call to `memcpy`; shorter ones measured no better inline than through `memcpy`.
    @inline(__always)
    private mutating func writeRaw(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        let length = bytes.count
        let target = UnsafeMutableRawPointer(base + count)
        let source = UnsafeRawPointer(start)
        if length >= 8 && length <= 16 {
            let head = source.loadUnaligned(as: UInt64.self)
            let tail = source.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
            target.storeBytes(of: head, as: UInt64.self)
            target.storeBytes(of: tail, toByteOffset: length - 8, as: UInt64.self)
        } else {
            target.copyMemory(from: source, byteCount: length)
        }
        count &+= length
    }
}
