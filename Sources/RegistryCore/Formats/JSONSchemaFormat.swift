import JSONSchema
import JSONValue

/// JSON Schema (`schemaType: "JSON"`) as the registry sees it: the JSONSchema module's compiler decides whether a
/// schema is valid, its structural checker decides compatibility.
///
/// Named after the API's `schemaType` (like `AvroFormat`); `JSONSchemaFormat` is taken by the engine's enum of
/// `format` keyword values.
public struct JSONFormat: SchemaFormat {
    /// Draft for schemas without `$schema`, and the bounds that keep hostile schemas from costing unbounded
    /// time or memory. `externalSchemas` is ignored: references come from the registry.
    public var options: JSONSchemaOptions

    public init(options: JSONSchemaOptions = JSONSchemaOptions()) {
        self.options = options
    }

    public var type: SchemaType { .json }

    /// Confluent-style references: each reference's `name` is what a `$ref` in `text` (or in another
    /// referenced schema) uses to reach the referenced subject's schema.
    public func parse(_ text: String, references: [ResolvedReference]) throws(SchemaParseFailure) -> any ParsedSchema {
        if let foreign = references.first(where: { $0.schemaType != .json }) {
            throw SchemaParseFailure(message: "reference '\(foreign.name)' is a \(foreign.schemaType.rawValue) schema; a JSON schema can only reference JSON schemas")
        }
        var external: [String: JSONValue] = [:]
        for reference in references {
            do {
                external[reference.name] = try JSONParser.parse(reference.schema)
            } catch {
                throw SchemaParseFailure(message: "reference '\(reference.name)' (subject '\(reference.subject)' version \(reference.version)) is not JSON: \(error.description)")
            }
        }
        let root: JSONValue
        do {
            root = try JSONParser.parse(text)
        } catch {
            throw SchemaParseFailure(message: "the schema is not JSON: \(error.description)")
        }
        switch root {
        case .object, .bool: break
        default: throw SchemaParseFailure(message: "a JSON schema is an object or a boolean, not \(root.typeName)")
        }
        if let pointer = Self.nonFiniteNumber(in: root, at: "") {
            // Stored text has no spelling for it (it would become null and change the schema's meaning).
            throw SchemaParseFailure(path: pointer, message: "number out of the range of a 64-bit float")
        }
        var compileOptions = options
        compileOptions.externalSchemas = external
        let validator: JSONSchemaValidator
        do {
            validator = try JSONSchemaValidator(schema: root, options: compileOptions)
        } catch {
            throw SchemaParseFailure(path: Self.pointer(error.location), message: "\(error.message) (\(error.kind.rawValue))")
        }
        return JSONRegisteredSchema(root: root, references: external, validator: validator)
    }

    /// The pointer of the first number that overflowed to infinity while parsing, if any.
    static func nonFiniteNumber(in value: JSONValue, at pointer: String) -> String? {
        switch value {
        case .double(let d): return d.isFinite ? nil : pointer
        case .array(let elements):
            for (i, element) in elements.enumerated() {
                if let found = nonFiniteNumber(in: element, at: pointer + "/" + String(i)) { return found }
            }
            return nil
        case .object(let object):
            for member in object.members {
                let token = member.key.replacing("~", with: "~0").replacing("/", with: "~1")
                if let found = nonFiniteNumber(in: member.value, at: pointer + "/" + token) { return found }
            }
            return nil
        case .null, .bool, .int, .string:
            return nil
        }
    }

    /// The JSON pointer of a subschema in the submitted document; other documents (references) keep their URI.
    static func pointer(_ location: String) -> String {
        let prefix = JSONSchemaValidator.defaultBaseURI + "#"
        guard location.hasPrefix(prefix) else { return location == JSONSchemaValidator.defaultBaseURI ? "" : location }
        return String(location.dropFirst(prefix.count))
    }
}

/// A parsed, compiled JSON schema with its stored texts computed once.
public struct JSONRegisteredSchema: ParsedSchema {
    /// The schema document as submitted (member order kept).
    public let root: JSONValue
    /// Referenced schemas by reference name, as the validator and the checker resolve them.
    public let references: [String: JSONValue]
    /// Compiled once at registration; proves the schema is usable and serves validation in-process.
    public let validator: JSONSchemaValidator
    public let canonicalText: String

    public init(root: JSONValue, references: [String: JSONValue], validator: JSONSchemaValidator) {
        self.root = root
        self.references = references
        self.validator = validator
        self.canonicalText = root.serialized()
    }

    public var type: SchemaType { .json }

    /// Member order carries no meaning in JSON Schema, so sorting every object's keys gives one text for all
    /// spellings that differ only in order or whitespace.
    public var normalizedText: String { root.serialized(sortedKeys: true) }

    public func incompatibilities(readingDataWrittenWith writer: any ParsedSchema) -> [CompatibilityIssue] {
        guard let writer = writer as? JSONRegisteredSchema else {
            return [CompatibilityIssue(kind: "TYPE_CHANGED", location: "#", message: "The writer's schema is not a JSON schema.")]
        }
        // Each side reads its own version of a reference both name (a referenced subject may have changed).
        let scope = JSONReferenceScope(newRoot: root, newReferences: references,
                                       oldRoot: writer.root, oldReferences: writer.references)
        let found = JSONSchemaCompatibility.check(reader: scope.newRoot, writer: scope.oldRoot, externalSchemas: scope.external)
        var issues = found.prefix(Self.issueLimit).map { issue in
            // Verbose lines quote only the message, so it names the place too, as Confluent's descriptions do.
            let message = issue.message.replacingOccurrences(of: JSONReferenceScope.oldPrefix, with: "")
            let location = issue.location.replacingOccurrences(of: JSONReferenceScope.oldPrefix, with: "")
            return CompatibilityIssue(kind: issue.difference.rawValue, location: location,
                                      message: "\(Self.bounded(message)) at path '\(location)'")
        }
        if found.count > Self.issueLimit {
            issues.append(CompatibilityIssue(kind: "MORE_DIFFERENCES", location: "#",
                                             message: "\(found.count - Self.issueLimit) more incompatibilities not listed"))
        }
        return issues
    }

    /// A schema with 100,000 changed properties has as many reasons; a 409 lists the first ones and a count.
    static let issueLimit = 100

    /// A reason quotes schema values (e.g. every enum value dropped); a hostile schema must not turn one verbose
    /// line into megabytes.
    static let messageLimit = 1024

    static func bounded(_ message: String) -> String {
        guard message.utf8.count > messageLimit else { return message }
        return String(decoding: message.utf8.prefix(messageLimit), as: UTF8.self) + "…"
    }
}
