/// The node table laid out for the stream path: every node's keywords back to back in one array, and per node a
/// span of plain integers. Reading a node then copies nothing reference-counted (a `CompiledNode` copy retains
/// its keyword array and location string), which matters at twenty-odd nodes per record.
struct StreamTable: Sendable {
    enum Kind: UInt8, Sendable {
        case keywords
        case alwaysTrue
        case alwaysFalse
        /// Only a `$ref`: `start` is the target node.
        case ref
    }

    struct Span: Sendable {
        var kind: Kind
        var collectsAnnotations: Bool
        var start: Int
        var count: Int
    }

    let keywords: [Keyword]
    let spans: [Span]

    init(_ nodes: [CompiledNode]) {
        var keywords: [Keyword] = []
        var spans: [Span] = []
        spans.reserveCapacity(nodes.count)
        for node in nodes {
            switch node.body {
            case .always(let verdict):
                spans.append(Span(kind: verdict ? .alwaysTrue : .alwaysFalse, collectsAnnotations: false, start: 0, count: 0))
            case .keywords(let list):
                if list.count == 1, case .ref(let target) = list[0] {
                    spans.append(Span(kind: .ref, collectsAnnotations: node.collectsAnnotations, start: target, count: 0))
                } else {
                    spans.append(Span(kind: .keywords, collectsAnnotations: node.collectsAnnotations,
                                      start: keywords.count, count: list.count))
                    keywords.append(contentsOf: list)
                }
            }
        }
        self.keywords = keywords
        self.spans = spans
    }
}
