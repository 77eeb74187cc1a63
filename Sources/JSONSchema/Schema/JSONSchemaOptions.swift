import JSONValue

/// Choices made once, at compile time.
public struct JSONSchemaOptions: Sendable {
    /// The draft for schemas that do not declare `$schema`.
    public var defaultDraft: JSONSchemaDraft
    /// `format` is an annotation in every supported draft; set this to make the formats listed in
    /// `JSONSchemaFormat` assert. Unknown formats stay annotations either way.
    public var assertFormat: Bool
    /// Other schema documents by absolute URI (without fragment), for `$ref`s that leave the root document.
    /// The registry maps Confluent reference names here, so `"$ref": "customer.json"` resolves by name.
    public var externalSchemas: [String: JSONValue]
    /// Limits that keep hostile schemas and instances from exhausting time or stack.
    public var limits: JSONSchemaLimits

    public init(
        defaultDraft: JSONSchemaDraft = .default,
        assertFormat: Bool = false,
        externalSchemas: [String: JSONValue] = [:],
        limits: JSONSchemaLimits = JSONSchemaLimits()
    ) {
        self.defaultDraft = defaultDraft
        self.assertFormat = assertFormat
        self.externalSchemas = externalSchemas
        self.limits = limits
    }
}

/// Bounds on work. Each one turns a would-be hang or stack overflow into a typed error.
public struct JSONSchemaLimits: Sendable {
    /// Deepest subschema nesting accepted when compiling.
    public var maxSchemaDepth: Int
    /// Most compiled subschemas per validator (guards against reference fan-out and enormous documents).
    public var maxSubschemas: Int
    /// Deepest chain of nested evaluations while validating one instance; reaching it fails validation
    /// with `evaluationDepthExceeded` instead of overflowing the stack on reference loops.
    public var maxEvaluationDepth: Int
    /// Longest `pattern` / `patternProperties` source accepted.
    public var maxPatternLength: Int
    /// Patterns with lookaround or back-references need a backtracking engine (Foundation's, not time-bounded).
    /// Set to false to reject them with `invalidPattern`, so every accepted pattern matches in linear time.
    public var allowBacktrackingPatterns: Bool
    /// Total automaton size of all distinct patterns of one schema. A short pattern can expand to thousands of
    /// states (`(?:[a-z]{999}){20}`), so without a total a few thousand of them exhaust memory while compiling.
    public var maxPatternInstructions: Int
    /// Most subschema evaluations for one instance. In-place applicators over shared definitions
    /// (`allOf: [{$ref: a}, {$ref: a}]`, nested) multiply without the instance getting deeper, so a tiny schema
    /// can ask for 2^30 steps; past this bound the instance is invalid with `evaluationBudgetExceeded`. The
    /// default leaves room for a message at Kafka's default 1 MB size limit under a few subschemas per value.
    public var maxEvaluationSteps: Int

    public init(maxSchemaDepth: Int = 256, maxSubschemas: Int = 100_000, maxEvaluationDepth: Int = 256, maxPatternLength: Int = 4096,
                allowBacktrackingPatterns: Bool = true, maxPatternInstructions: Int = 500_000,
                maxEvaluationSteps: Int = 5_000_000) {
        self.maxSchemaDepth = maxSchemaDepth
        self.maxSubschemas = maxSubschemas
        self.maxEvaluationDepth = maxEvaluationDepth
        self.maxPatternLength = maxPatternLength
        self.allowBacktrackingPatterns = allowBacktrackingPatterns
        self.maxPatternInstructions = maxPatternInstructions
        self.maxEvaluationSteps = maxEvaluationSteps
    }
}
