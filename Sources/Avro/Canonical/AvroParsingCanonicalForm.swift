import JSONValue

/// The specification's Parsing Canonical Form: only what affects how data is read (STRIP), attributes in
/// the order name, type, fields, symbols, items, values, size (ORDER), full names (FULLNAMES), primitives as
/// bare strings (PRIMITIVES), plain integers (INTEGERS) and no escapes beyond JSON's own (STRINGS).
///
/// Written with an explicit work stack rather than recursion: a chain of types from references can be longer
/// than any one document is deep, and expanding it must not exhaust the stack.
extension AvroParsedSchema {
    public var parsingCanonicalForm: String {
        AvroParsingCanonicalFormWriter(names: names).write(root)
    }
}

struct AvroParsingCanonicalFormWriter {
    let names: AvroSchemaSet

    private enum Work {
        case text(String)
        case schema(AvroSchema)
    }

    func write(_ root: AvroSchema) -> String {
        var out = ""
        var seen: Set<String> = []
        var stack: [Work] = [.schema(root)]
        while let work = stack.popLast() {
            switch work {
            case .text(let text):
                out += text
            case .schema(let schema):
                // Pieces are pushed in reverse so they pop in writing order.
                var pieces: [Work] = []
                expand(schema, seen: &seen, into: &pieces)
                stack.append(contentsOf: pieces.reversed())
            }
        }
        return out
    }

    /// The first occurrence of a named type is written in full, later ones as its full name; a type defined
    /// in a referenced schema is written in full where first used, as the specification's form has no references.
    private func expand(_ schema: AvroSchema, seen: inout Set<String>, into pieces: inout [Work]) {
        switch schema {
        case .null, .boolean, .int, .long, .float, .double, .bytes, .string:
            pieces.append(.text(Self.quoted(schema.typeName)))
        case .reference(let name):
            if seen.contains(name.fullName) {
                pieces.append(.text(Self.quoted(name.fullName)))
            } else if let definition = names[name], definition.fullName == name {
                expand(definition, seen: &seen, into: &pieces)
            } else {
                pieces.append(.text(Self.quoted(name.fullName)))
            }
        case .record(let record):
            if !seen.insert(record.name.fullName).inserted {
                pieces.append(.text(Self.quoted(record.name.fullName)))
                return
            }
            pieces.append(.text("{\"name\":" + Self.quoted(record.name.fullName) + ",\"type\":\"record\",\"fields\":["))
            for (index, field) in record.fields.enumerated() {
                pieces.append(.text((index > 0 ? "," : "") + "{\"name\":" + Self.quoted(field.name) + ",\"type\":"))
                pieces.append(.schema(field.type))
                pieces.append(.text("}"))
            }
            pieces.append(.text("]}"))
        case .enumeration(let definition):
            if !seen.insert(definition.name.fullName).inserted {
                pieces.append(.text(Self.quoted(definition.name.fullName)))
                return
            }
            let symbols = definition.symbols.map(Self.quoted).joined(separator: ",")
            pieces.append(.text("{\"name\":" + Self.quoted(definition.name.fullName) + ",\"type\":\"enum\",\"symbols\":[" + symbols + "]}"))
        case .fixed(let fixed):
            if !seen.insert(fixed.name.fullName).inserted {
                pieces.append(.text(Self.quoted(fixed.name.fullName)))
                return
            }
            pieces.append(.text("{\"name\":" + Self.quoted(fixed.name.fullName) + ",\"type\":\"fixed\",\"size\":" + String(fixed.size) + "}"))
        case .array(let items):
            pieces.append(.text("{\"type\":\"array\",\"items\":"))
            pieces.append(.schema(items))
            pieces.append(.text("}"))
        case .map(let values):
            pieces.append(.text("{\"type\":\"map\",\"values\":"))
            pieces.append(.schema(values))
            pieces.append(.text("}"))
        case .union(let branches):
            pieces.append(.text("["))
            for (index, branch) in branches.enumerated() {
                if index > 0 { pieces.append(.text(",")) }
                pieces.append(.schema(branch))
            }
            pieces.append(.text("]"))
        }
    }

    static func quoted(_ text: String) -> String {
        var out = ""
        JSONValue.writeString(text, to: &out)
        return out
    }
}
