/// The specification's shallow "schemas match" rules, used to pick a reader union branch and to accept
/// primitive promotions. Both schemas are already resolved (no `.reference`).
enum AvroSchemaMatch {
    /// Writer types a reader type can read by promotion (Schema Resolution: int to long, float or double; long
    /// to float or double; float to double; string to bytes and bytes to string). Logical types play no part:
    /// the bytes on the wire are those of the underlying type.
    static func promotes(_ writer: AvroSchema, to reader: AvroSchema) -> Bool {
        switch (writer, reader) {
        case (.int, .long), (.int, .float), (.int, .double),
             (.long, .float), (.long, .double),
             (.float, .double),
             (.string, .bytes), (.bytes, .string):
            return true
        default:
            return false
        }
    }

    /// Reader types able to read what `writer` wrote, for hints: the type itself and its promotions.
    static func readerTypes(for writer: AvroSchema) -> [String] {
        switch writer {
        case .int: return ["int", "long", "float", "double"]
        case .long: return ["long", "float", "double"]
        case .float: return ["float", "double"]
        case .string: return ["string", "bytes"]
        case .bytes: return ["bytes", "string"]
        default: return [describe(writer)]
        }
    }

    /// The Decimal section: "two schemas that are decimal logical types match if their scales and precisions
    /// match", whatever their underlying bytes/fixed type, name or size.
    static func decimalsAgree(_ reader: AvroSchema, _ writer: AvroSchema) -> Bool {
        guard let readerDecimal = decimal(reader), let writerDecimal = decimal(writer) else { return false }
        return readerDecimal == writerDecimal
    }

    private static func decimal(_ schema: AvroSchema) -> DecimalShape? {
        switch schema {
        case .bytes(.decimal(let precision, let scale)): return DecimalShape(precision: precision, scale: scale)
        case .fixed(let fixed):
            if case .decimal(let precision, let scale) = fixed.logicalType {
                return DecimalShape(precision: precision, scale: scale)
            }
            return nil
        default: return nil
        }
    }

    private struct DecimalShape: Equatable {
        var precision: Int
        var scale: Int
    }

    /// Named types match by unqualified name (records, enums and fixed alike), or when one of the reader's
    /// aliases is the writer's full name; the writer's aliases are not consulted.
    static func namesMatch(reader: AvroName, aliases: [AvroName], writer: AvroName) -> Bool {
        if reader.name == writer.name { return true }
        return aliases.contains { $0 == writer }
    }

    /// Same primitive type, same container kind, or same named type by full name: the branch a decoder
    /// prefers when several could read the writer's value.
    static func matchesExactly(_ reader: AvroSchema, _ writer: AvroSchema) -> Bool {
        switch (reader, writer) {
        case (.null, .null), (.boolean, .boolean), (.int, .int), (.long, .long),
             (.float, .float), (.double, .double), (.bytes, .bytes), (.string, .string),
             (.array, .array), (.map, .map):
            return true
        case (.record(let r), .record(let w)): return r.name == w.name
        case (.enumeration(let r), .enumeration(let w)): return r.name == w.name
        case (.fixed(let r), .fixed(let w)): return r.name == w.name
        default: return false
        }
    }

    /// The specification's list of matching schemas, without looking inside: item, value and field types are
    /// checked afterwards on the chosen branch, so a mismatch there is reported rather than silently skipped.
    static func matches(reader: AvroSchema, writer: AvroSchema) -> Bool {
        if matchesExactly(reader, writer) || promotes(writer, to: reader) || decimalsAgree(reader, writer) { return true }
        switch (reader, writer) {
        case (.record(let r), .record(let w)): return namesMatch(reader: r.name, aliases: r.aliases, writer: w.name)
        case (.enumeration(let r), .enumeration(let w)): return namesMatch(reader: r.name, aliases: r.aliases, writer: w.name)
        case (.fixed(let r), .fixed(let w)): return namesMatch(reader: r.name, aliases: r.aliases, writer: w.name)
        default: return false
        }
    }

    /// The type as Java Avro's `Schema.Type` spells it, for Confluent-compatible messages.
    static func javaTypeName(_ schema: AvroSchema) -> String {
        switch schema {
        case .reference(let name): return name.fullName  // unresolved: only in malformed input
        default: return schema.typeName.uppercased()
        }
    }

    /// A type as a message names it: "long (timestamp-millis)", "record `Point`".
    static func describe(_ schema: AvroSchema) -> String {
        switch schema {
        case .int(let logical?), .long(let logical?), .bytes(let logical?), .string(let logical?):
            return "\(schema.typeName) (\(logical.name))"
        case .record(let record): return "record `\(record.name.fullName)`"
        case .enumeration(let enumeration): return "enum `\(enumeration.name.fullName)`"
        case .fixed(let fixed): return "fixed `\(fixed.name.fullName)` (size \(fixed.size))"
        case .reference(let name): return "`\(name.fullName)`"
        case .array(let items): return "array of \(describe(items))"
        case .map(let values): return "map of \(describe(values))"
        case .union(let branches): return "union [" + branches.map { describe($0) }.joined(separator: ", ") + "]"
        default: return schema.typeName
        }
    }
}
