import Avro
import JSONValue
#if canImport(Glibc)
// JSONValue rounds doubles; the stdlib leaves libm to the executable, and importing Glibc links it.
import Glibc
#endif

/// Compatibility of a 50-field record against 100 earlier versions of itself, as a registry checks a new
/// version under FULL_TRANSITIVE (200 reader/writer pairs) and BACKWARD_TRANSITIVE (100 pairs).
enum CompatibilityBench {
    static let versions = 100
    static let finalFieldCount = 50
    static let iterations = 50

    static func run() {
        let previous = (0..<versions).map { schema(version: $0) }
        let newSchema = schema(version: versions)
        let broken = schema(version: versions, breakingField: 8)

        for level in [AvroCompatibilityLevel.fullTransitive, .backwardTransitive] {
            measure("\(level.rawValue), compatible", level: level, newSchema: newSchema, previous: previous)
        }
        measure("FULL_TRANSITIVE, one field changed long->string", level: .fullTransitive, newSchema: broken, previous: previous)
    }

    private static func measure(_ label: String, level: AvroCompatibilityLevel, newSchema: AvroParsedSchema, previous: [AvroParsedSchema]) {
        // One untimed run warms caches and gives the figures a sanity check.
        let warm = AvroCompatibility.check(level: level, newSchema: newSchema, previous: previous)
        let pairsPerRun = warm.checkedVersions.count * level.directions.count
        var failures = 0
        let clock = ContinuousClock()
        let cpuBefore = processCPUSeconds()
        let elapsed = clock.measure {
            for _ in 0..<iterations {
                failures += AvroCompatibility.check(level: level, newSchema: newSchema, previous: previous).failures.count
            }
        }
        let cpu = processCPUSeconds().flatMap { after in cpuBefore.map { after - $0 } }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let pairs = Double(pairsPerRun * iterations)
        print(label)
        print("  fields: \(finalFieldCount), previous versions: \(previous.count), pairs per check: \(pairsPerRun), failing pairs per check: \(failures / iterations)")
        print("  one \(level.rawValue) check: \(format(seconds / Double(iterations) * 1000)) ms; per pair: \(format(seconds / pairs * 1_000_000)) us; \(Int(pairs / seconds)) pair checks/s")
        print("  total: \(iterations) runs in \(format(seconds * 1000)) ms wall")
        // On a shared machine wall time includes waiting for a core; CPU time is the work itself.
        if let cpu {
            print("  CPU time: \(format(cpu * 1000)) ms; per pair: \(format(cpu / pairs * 1_000_000)) us CPU; \(Int(pairs / cpu)) pair checks per CPU-second")
        }
    }

    private static func processCPUSeconds() -> Double? {
        #if canImport(Glibc)
        var now = timespec()
        guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now) == 0 else { return nil }
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
        #else
        return nil
        #endif
    }

    private static func format(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        return "\(Int(hundredths) / 100).\(String(Int(hundredths) % 100).leftPadded(to: 2))"
    }

    // MARK: - Deterministic evolution

    /// Version `v` of the schema: 10 fields at first, growing to 50 by the last version, each added field with a
    /// default; enums gain symbols (readers have a default symbol), nested records gain an optional field.
    static func schema(version: Int, breakingField: Int? = nil) -> AvroParsedSchema {
        let fieldCount = 10 + (finalFieldCount - 10) * version / versions
        var names = AvroSchemaSet()
        var fields: [AvroField] = []
        for index in 0..<fieldCount {
            let added = index >= 10
            var field = makeField(index: index, version: version, added: added, names: &names)
            if index == breakingField { field.type = .string(nil) }
            fields.append(field)
        }
        let root = AvroSchema.record(AvroRecord(name: AvroName(fullName: "com.example.orders.Order"), fields: fields))
        names.define(root, as: AvroName(fullName: "com.example.orders.Order"))
        return AvroParsedSchema(root: root, names: names)
    }

    private static func makeField(index: Int, version: Int, added: Bool, names: inout AvroSchemaSet) -> AvroField {
        let name = "field_\(index)"
        switch index % 8 {
        case 0:
            return AvroField(name: name, type: .long(nil), defaultValue: added ? .int(0) : nil)
        case 1:
            return AvroField(name: name, type: .string(nil), defaultValue: added ? .string("") : nil)
        case 2:
            return AvroField(name: name, type: .union([.null, .string(nil)]), defaultValue: .null)
        case 3:
            return AvroField(name: name, type: .long(.timestampMillis), defaultValue: added ? .int(0) : nil)
        case 4:
            let symbolCount = 3 + version / 20
            let symbols = ["UNKNOWN"] + (0..<symbolCount).map { "STATE_\($0)" }
            let enumName = AvroName(fullName: "com.example.orders.Status\(index)")
            let schema = AvroSchema.enumeration(AvroEnum(name: enumName, symbols: symbols, defaultSymbol: "UNKNOWN"))
            names.define(schema, as: enumName)
            return AvroField(name: name, type: schema, defaultValue: .string("UNKNOWN"))
        case 5:
            return AvroField(name: name, type: .array(.string(nil)), defaultValue: .array([]))
        case 6:
            return AvroField(name: name, type: .map(.double), defaultValue: .object(JSONObject()))
        default:
            let recordName = AvroName(fullName: "com.example.orders.Address\(index)")
            var nested = [
                AvroField(name: "street", type: .string(nil)),
                AvroField(name: "city", type: .string(nil)),
            ]
            if version >= 50 { nested.append(AvroField(name: "zip", type: .union([.null, .string(nil)]), defaultValue: .null)) }
            let schema = AvroSchema.record(AvroRecord(name: recordName, fields: nested))
            names.define(schema, as: recordName)
            let nullable = AvroSchema.union([.null, schema])
            return AvroField(name: name, type: nullable, defaultValue: .null)
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
