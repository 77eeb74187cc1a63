import JSONValue

/// Which logical types are legal on which base types. An illegal one is not an error: the specification says
/// to ignore it and use the base type, so it simply stays an attribute of the schema text.
enum AvroLogicalTypeRules {
    /// Attributes a valid logical type consumes (and which therefore are not custom properties).
    static func attributes(of logicalType: AvroLogicalType) -> Set<String> {
        if case .decimal = logicalType { return ["logicalType", "precision", "scale"] }
        return ["logicalType"]
    }

    /// Adds the logical type an object form like `{"type": "int", "logicalType": "date"}` declares, if legal.
    static func annotate(_ primitive: AvroSchema, with object: JSONObject) -> AvroSchema {
        guard case .string(let name)? = object["logicalType"] else { return primitive }
        switch (primitive, name) {
        case (.int, "date"): return .int(.date)
        case (.int, "time-millis"): return .int(.timeMillis)
        case (.long, "time-micros"): return .long(.timeMicros)
        case (.long, "timestamp-millis"): return .long(.timestampMillis)
        case (.long, "timestamp-micros"): return .long(.timestampMicros)
        case (.long, "timestamp-nanos"): return .long(.timestampNanos)
        case (.long, "local-timestamp-millis"): return .long(.localTimestampMillis)
        case (.long, "local-timestamp-micros"): return .long(.localTimestampMicros)
        case (.long, "local-timestamp-nanos"): return .long(.localTimestampNanos)
        case (.string, "uuid"): return .string(.uuid)
        case (.bytes, "big-decimal"): return .bytes(.bigDecimal)
        case (.bytes, "decimal"):
            guard let decimal = decimal(object, maxPrecision: nil) else { return primitive }
            return .bytes(decimal)
        default: return primitive
        }
    }

    static func fixedLogicalType(_ object: JSONObject, size: Int) -> AvroLogicalType? {
        guard case .string(let name)? = object["logicalType"] else { return nil }
        switch name {
        case "decimal": return decimal(object, maxPrecision: maxDecimalPrecision(fixedSize: size))
        case "uuid": return size == 16 ? .uuid : nil
        case "duration": return size == 12 ? .duration : nil
        default: return nil
        }
    }

    /// A decimal needs an integral precision > 0 and 0 <= scale <= precision (scale defaults to 0).
    private static func decimal(_ object: JSONObject, maxPrecision: Int?) -> AvroLogicalType? {
        guard case .int(let precision)? = object["precision"], precision > 0, precision <= Int64(Int32.max) else { return nil }
        var scale: Int64 = 0
        if let scaleValue = object["scale"] {
            guard case .int(let written) = scaleValue else { return nil }
            scale = written
        }
        guard scale >= 0, scale <= precision else { return nil }
        if let maxPrecision, precision > Int64(maxPrecision) { return nil }
        return .decimal(precision: Int(precision), scale: Int(scale))
    }

    /// The most decimal digits a two's-complement number of `size` bytes always holds:
    /// floor(log10(2^(8*size - 1) - 1)).
    static func maxDecimalPrecision(fixedSize size: Int) -> Int {
        guard size > 0 else { return 0 }
        let log10Of2 = 0.301029995663981195213738894724493026768189881462108541310
        let bits = Double(8 * Int64(size) - 1)
        return Int((bits * log10Of2).rounded(.down))
    }
}
