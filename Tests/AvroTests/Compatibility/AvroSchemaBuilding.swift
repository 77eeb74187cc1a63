import Avro
import JSONValue

/// Small constructors so unit tests read like the schemas they stand for.
enum SchemaBuilder {
    static func parsed(_ root: AvroSchema, _ named: AvroSchema...) -> AvroParsedSchema {
        var names = AvroSchemaSet()
        for schema in [root] + named { collect(schema, into: &names) }
        return AvroParsedSchema(root: root, names: names)
    }

    static func record(_ name: String, aliases: [String] = [], _ fields: AvroField...) -> AvroSchema {
        record(name, aliases: aliases, fields)
    }

    static func record(_ name: String, aliases: [String] = [], _ fields: [AvroField]) -> AvroSchema {
        .record(AvroRecord(name: AvroName(fullName: name), aliases: aliases.map { AvroName(fullName: $0) }, fields: fields))
    }

    static func field(_ name: String, _ type: AvroSchema, default value: JSONValue? = nil, aliases: [String] = []) -> AvroField {
        AvroField(name: name, type: type, defaultValue: value, aliases: aliases)
    }

    static func enumeration(_ name: String, _ symbols: [String], default symbol: String? = nil, aliases: [String] = []) -> AvroSchema {
        .enumeration(AvroEnum(name: AvroName(fullName: name), aliases: aliases.map { AvroName(fullName: $0) }, symbols: symbols, defaultSymbol: symbol))
    }

    static func fixed(_ name: String, size: Int, logical: AvroLogicalType? = nil) -> AvroSchema {
        .fixed(AvroFixed(name: AvroName(fullName: name), size: size, logicalType: logical))
    }

    /// Registers every named type defined inside `schema`, as the parser would.
    private static func collect(_ schema: AvroSchema, into names: inout AvroSchemaSet) {
        switch schema {
        case .record(let record):
            names.define(schema, as: record.name)
            for field in record.fields { collect(field.type, into: &names) }
        case .enumeration(let enumeration): names.define(schema, as: enumeration.name)
        case .fixed(let fixed): names.define(schema, as: fixed.name)
        case .array(let items): collect(items, into: &names)
        case .map(let values): collect(values, into: &names)
        case .union(let branches): for branch in branches { collect(branch, into: &names) }
        default: break
        }
    }
}
