import JSONValue

/// A JSON Schema compiled once and reused for every message: thread-safe and cheap to share.
///
/// ```swift
/// let validator = try JSONSchemaValidator(schemaText: text)
/// if !validator.isValid(jsonText: message) { print(validator.validate(jsonText: message)) }
/// ```
public struct JSONSchemaValidator: Sendable {
    private let program: CompiledProgram

    /// The draft the root schema follows (declared by `$schema`, else `options.defaultDraft`).
    public var draft: JSONSchemaDraft { program.draft }

    /// Base URI for a root schema without `$id`; relative references resolve against it.
    public static let defaultBaseURI = "urn:schema-registry:root"

    public init(schema: JSONValue, options: JSONSchemaOptions = JSONSchemaOptions(), baseURI: String = defaultBaseURI) throws(JSONSchemaError) {
        program = try SchemaCompiler.compile(schema, baseURI: baseURI, options: options)
    }

    public init(schemaText: String, options: JSONSchemaOptions = JSONSchemaOptions(), baseURI: String = defaultBaseURI) throws(JSONSchemaError) {
        let schema: JSONValue
        do {
            schema = try JSONParser.parse(schemaText)
        } catch {
            throw JSONSchemaError(.invalidJSON, at: baseURI, error.description)
        }
        try self.init(schema: schema, options: options, baseURI: baseURI)
    }

    /// True when the instance is valid; stops at the first failure and builds no error text.
    public func isValid(_ instance: JSONValue) -> Bool {
        run(instance, collecting: false).valid
    }

    /// False for text that is not JSON, as well as for invalid instances. Valid messages are proven straight
    /// from the bytes where the schema allows (see `StreamEvaluator`); anything else takes the full path.
    public func isValid(jsonText: String) -> Bool {
        if !program.usesDynamicScope {
            var text = jsonText
            let proven = text.withUTF8 { bytes in
                program.nodes.withUnsafeBufferPointer { nodes in
                    program.stream.keywords.withUnsafeBufferPointer { keywords in
                        program.stream.spans.withUnsafeBufferPointer { spans in
                            var stream = StreamEvaluator(bytes: bytes, program: program, nodes: nodes, keywords: keywords, spans: spans)
                            return stream.document(program.root) && !stream.evaluator.exhausted
                        }
                    }
                }
            }
            if proven { return true }
        }
        guard let instance = try? JSONParser.parse(jsonText) else { return false }
        return isValid(instance)
    }

    /// Every failed assertion; empty when valid.
    public func validate(_ instance: JSONValue) -> [JSONSchemaValidationError] {
        run(instance, collecting: true).errors
    }

    /// Errors for a JSON text; text that does not parse is reported as one error at the root.
    public func validate(jsonText: String) -> [JSONSchemaValidationError] {
        do {
            return validate(try JSONParser.parse(jsonText))
        } catch {
            return [JSONSchemaValidationError(instanceLocation: "", keywordLocation: "", keyword: "", message: error.description)]
        }
    }

    private func run(_ instance: JSONValue, collecting: Bool) -> (valid: Bool, errors: [JSONSchemaValidationError]) {
        program.nodes.withUnsafeBufferPointer { nodes in
            var evaluator = Evaluator(program: program, nodes: nodes, collecting: collecting)
            var none: EvaluatedLocations?
            let valid = evaluator.validate(program.root, instance, &none)
            guard evaluator.exhausted else { return (valid, evaluator.errors) }
            let budget = JSONSchemaValidationError(
                instanceLocation: "", keywordLocation: nodes[program.root].location, keyword: "evaluationBudgetExceeded",
                message: "validation took more than \(program.maxEvaluationSteps) subschema evaluations (shared definitions multiplied by allOf/anyOf?)")
            return (false, evaluator.errors + [budget])
        }
    }
}
