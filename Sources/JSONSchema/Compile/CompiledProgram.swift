/// The immutable result of compiling: a node table plus the `$dynamicAnchor` tables the dynamic scope consults.
final class CompiledProgram: Sendable {
    let nodes: [CompiledNode]
    let root: Int
    /// resource index -> dynamic anchor name -> node
    let dynamicAnchors: [[String: Int]]
    let usesDynamicScope: Bool
    let maxEvaluationDepth: Int
    let maxEvaluationSteps: Int
    let draft: JSONSchemaDraft
    /// The nodes again, laid out for validating straight from bytes.
    let stream: StreamTable

    init(nodes: [CompiledNode], root: Int, dynamicAnchors: [[String: Int]], usesDynamicScope: Bool, maxEvaluationDepth: Int,
         maxEvaluationSteps: Int, draft: JSONSchemaDraft) {
        self.nodes = nodes
        self.root = root
        self.dynamicAnchors = dynamicAnchors
        self.usesDynamicScope = usesDynamicScope
        self.maxEvaluationDepth = maxEvaluationDepth
        self.maxEvaluationSteps = maxEvaluationSteps
        self.draft = draft
        stream = StreamTable(nodes)
    }
}
