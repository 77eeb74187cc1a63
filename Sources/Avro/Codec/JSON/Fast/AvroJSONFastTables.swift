/// Flat, trivially copyable tables the fast JSON path reads by raw pointer: record field keys and encoded
/// defaults, enum symbols, and per union the null branch, the branch a value's first byte selects, and the
/// branch names that would make an object Avro's wrapped form. Built once with the program.
///
/// `@unchecked Sendable`: written only in `init`, read-only afterwards.
final class AvroJSONFastTables: @unchecked Sendable {
    /// Byte strings: field keys, defaults, enum symbols and union branch names, as offset and length.
    let bytes: UnsafeMutableBufferPointer<UInt8>
    /// By record field slot (indexed like `AvroProgram.children`): the key, followed in `bytes` by its closing
    /// quote, or length -1 when the key holds a byte (`"`, `\`, control) a raw comparison could not match safely.
    let keyOffset: UnsafeMutableBufferPointer<Int>
    let keyLength: UnsafeMutableBufferPointer<Int>
    /// By record field slot: the encoded default, or length -1 when the field has none.
    let defaultOffset: UnsafeMutableBufferPointer<Int>
    let defaultLength: UnsafeMutableBufferPointer<Int>
    /// By enum index: first entry in `symbolOffset`/`symbolLength`; symbols of enum `c` end where `c + 1` starts.
    /// Each symbol is followed in `bytes` by a closing quote; length -1 as for keys.
    let enumFirst: UnsafeMutableBufferPointer<Int>
    let symbolOffset: UnsafeMutableBufferPointer<Int>
    let symbolLength: UnsafeMutableBufferPointer<Int>
    /// By union index, `unionStride` entries: null branch, then the first candidate branch for a string,
    /// object, array, boolean and number (-1: none), in the order `AvroJSONReader.candidates` tries them.
    let unionBranch: UnsafeMutableBufferPointer<Int>
    /// By union index: first entry in `nameOffset`/`nameLength` (full and simple branch names).
    let unionNameFirst: UnsafeMutableBufferPointer<Int>
    let nameOffset: UnsafeMutableBufferPointer<Int>
    let nameLength: UnsafeMutableBufferPointer<Int>

    /// The same pointers as a plain struct, so a hot loop holds no class reference (no retain/release).
    /// Valid while this object lives.
    struct View {
        let bytes: UnsafeMutablePointer<UInt8>
        let keyOffset, keyLength, defaultOffset, defaultLength: UnsafeMutableBufferPointer<Int>
        let enumFirst, symbolOffset, symbolLength: UnsafeMutableBufferPointer<Int>
        let unionBranch, unionNameFirst, nameOffset, nameLength: UnsafeMutableBufferPointer<Int>
    }

    var view: View? {
        guard let base = bytes.baseAddress else { return nil }
        return View(bytes: base, keyOffset: keyOffset, keyLength: keyLength, defaultOffset: defaultOffset,
                    defaultLength: defaultLength, enumFirst: enumFirst, symbolOffset: symbolOffset,
                    symbolLength: symbolLength, unionBranch: unionBranch, unionNameFirst: unionNameFirst,
                    nameOffset: nameOffset, nameLength: nameLength)
    }

    static let unionStride = 6
    static let nullSlot = 0, stringSlot = 1, objectSlot = 2, arraySlot = 3, booleanSlot = 4, numberSlot = 5

    init(ops: [AvroOp], children: [Int32], records: [AvroRecordInfo], enums: [AvroEnumInfo], unions: [AvroUnionInfo]) {
        var bytes: [UInt8] = []
        func add(_ string: [UInt8]) -> Int {
            let offset = bytes.count
            bytes.append(contentsOf: string)
            return offset
        }
        var keyOffset = [Int](repeating: 0, count: children.count)
        var keyLength = [Int](repeating: -1, count: children.count)
        var defaultOffset = [Int](repeating: 0, count: children.count)
        var defaultLength = [Int](repeating: -1, count: children.count)
        for op in ops where op.kind == .record {
            let info = records[Int(op.c)]
            for field in 0..<Int(op.b) {
                let slot = Int(op.a) + field
                let key = info.fieldKeys[field]
                if Self.isPlain(key) {
                    // The closing quote follows, so one comparison also checks the key ends there.
                    keyOffset[slot] = add(key + [UInt8(ascii: "\"")])
                    keyLength[slot] = key.count
                }
                if let encoded = info.defaultBinary[field] {
                    defaultOffset[slot] = add(encoded)
                    defaultLength[slot] = encoded.count
                }
            }
        }
        var enumFirst: [Int] = []
        var symbolOffset: [Int] = []
        var symbolLength: [Int] = []
        for info in enums {
            enumFirst.append(symbolOffset.count)
            for symbol in info.symbolKeys {
                symbolOffset.append(add(symbol + [UInt8(ascii: "\"")]))
                symbolLength.append(Self.isPlain(symbol) ? symbol.count : -1)
            }
        }
        enumFirst.append(symbolOffset.count)
        var unionBranch = [Int](repeating: -1, count: unions.count * Self.unionStride)
        var unionNameFirst: [Int] = []
        var nameOffset: [Int] = []
        var nameLength: [Int] = []
        for op in ops where op.kind == .union {
            let info = unions[Int(op.c)]
            let row = Int(op.c) * Self.unionStride
            unionBranch[row + Self.nullSlot] = info.nullBranch
            // Within each first byte's groups, the first branch of the first non-empty group.
            var string: [Int] = [-1, -1, -1, -1], object: [Int] = [-1, -1], number: [Int] = [-1, -1]
            for branch in 0..<Int(op.b) {
                let child = ops[Int(children[Int(op.a) + branch])]
                func first(_ group: inout [Int], _ index: Int) { if group[index] < 0 { group[index] = branch } }
                switch child.kind {
                case .string: first(&string, 0)
                case .enumeration: first(&string, 1)
                case .bytes, .fixed: first(&string, 2)
                case .float, .double:
                    first(&string, 3)
                    first(&number, 1)
                case .record: first(&object, 0)
                case .map: first(&object, 1)
                case .array: if unionBranch[row + Self.arraySlot] < 0 { unionBranch[row + Self.arraySlot] = branch }
                case .boolean: if unionBranch[row + Self.booleanSlot] < 0 { unionBranch[row + Self.booleanSlot] = branch }
                case .int, .long: first(&number, 0)
                case .null, .union: break
                }
            }
            unionBranch[row + Self.stringSlot] = string.first { $0 >= 0 } ?? -1
            unionBranch[row + Self.objectSlot] = object.first { $0 >= 0 } ?? -1
            // Decimals come last for numbers; the fast path leaves them to the full reader (-1).
            unionBranch[row + Self.numberSlot] = number.first { $0 >= 0 } ?? -1
        }
        for info in unions {
            unionNameFirst.append(nameOffset.count)
            for name in info.branchKeys + info.simpleNames {
                nameOffset.append(add(name))
                nameLength.append(name.count)
            }
        }
        unionNameFirst.append(nameOffset.count)
        // Slack after the last string lets comparisons load whole words.
        bytes.append(contentsOf: repeatElement(0, count: 8))
        self.bytes = Self.copy(bytes)
        self.keyOffset = Self.copy(keyOffset)
        self.keyLength = Self.copy(keyLength)
        self.defaultOffset = Self.copy(defaultOffset)
        self.defaultLength = Self.copy(defaultLength)
        self.enumFirst = Self.copy(enumFirst)
        self.symbolOffset = Self.copy(symbolOffset)
        self.symbolLength = Self.copy(symbolLength)
        self.unionBranch = Self.copy(unionBranch)
        self.unionNameFirst = Self.copy(unionNameFirst)
        self.nameOffset = Self.copy(nameOffset)
        self.nameLength = Self.copy(nameLength)
    }

    deinit {
        bytes.deallocate()
        keyOffset.deallocate()
        keyLength.deallocate()
        defaultOffset.deallocate()
        defaultLength.deallocate()
        enumFirst.deallocate()
        symbolOffset.deallocate()
        symbolLength.deallocate()
        unionBranch.deallocate()
        unionNameFirst.deallocate()
        nameOffset.deallocate()
        nameLength.deallocate()
    }

    /// Text that reads the same raw and as JSON string content (no quote, backslash or control byte).
    private static func isPlain(_ text: [UInt8]) -> Bool {
        !text.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
    }

    private static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
        let table = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
        _ = table.initialize(from: array)
        return table
    }
}
