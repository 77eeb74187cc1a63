/// What the checker knows about each (reader record, writer record) pair it has met in one check.
///
/// Most schemas hold a handful of records, so pairs live in an array searched linearly (names compare
/// cheaply, hashing them does not); a dictionary takes over for schemas with many record types.
struct AvroRecordPairMemo {
    struct Pair: Hashable {
        var reader: AvroName
        var writer: AvroName
    }

    enum State {
        case inProgress
        /// Findings with steps relative to where the pair was first checked.
        case done([AvroResolutionFinding])
    }

    private var pairs: [Pair] = []
    private var states: [State] = []
    private var index: [Pair: Int]?

    subscript(pair: Pair) -> State? {
        guard let position = position(of: pair) else { return nil }
        return states[position]
    }

    mutating func set(_ state: State, for pair: Pair) {
        if let position = position(of: pair) {
            states[position] = state
            return
        }
        pairs.append(pair)
        states.append(state)
        if index != nil {
            index?[pair] = pairs.count - 1
        } else if pairs.count > 16 {
            var built: [Pair: Int] = [:]
            for (position, pair) in pairs.enumerated() { built[pair] = position }
            index = built
        }
    }

    private func position(of pair: Pair) -> Int? {
        if let index { return index[pair] }
        return pairs.firstIndex(of: pair)
    }
}
