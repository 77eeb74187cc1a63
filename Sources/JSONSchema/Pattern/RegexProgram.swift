/// A Thompson automaton for a parsed pattern, run as a set of simultaneous states (no backtracking), so matching
/// time is linear in the input whatever the pattern: `(a+)+$` cannot blow up.
struct RegexProgram: Sendable {
    enum Instruction: Sendable {
        case scalar(ScalarSet)
        case split(Int, Int)
        case jump(Int)
        case lineStart
        case lineEnd
        case wordBoundary(Bool)
        case match
    }

    private(set) var instructions: [Instruction] = []
    /// The pattern begins with `^` on every path, so only offset 0 needs a starting state.
    private(set) var anchoredStart = false
    static let maxInstructions = 20_000
    /// Set when the program is `^` then single-scalar steps with no choice (`^ord-[0-9]{8}$`), optionally `$`:
    /// matching is then one membership test per scalar, with no state lists.
    private(set) var straightLine: StraightLine?

    struct StraightLine: Sendable {
        var steps: [ScalarSet]
        /// Ends with `$`: the text must have exactly `steps.count` scalars, else at least that many.
        var anchoredEnd: Bool
    }

    init(_ node: RegexNode) throws(RegexSyntaxError) {
        try emit(node)
        instructions.append(.match)
        anchoredStart = Self.startsAnchored(node)
        straightLine = Self.straightLine(instructions)
    }

    private static func straightLine(_ instructions: [Instruction]) -> StraightLine? {
        guard case .lineStart = instructions.first else { return nil }
        var steps: [ScalarSet] = []
        var anchoredEnd = false
        for instruction in instructions.dropFirst() {
            switch instruction {
            case .scalar(let set) where !anchoredEnd: steps.append(set)
            case .lineEnd: anchoredEnd = true
            case .match: return StraightLine(steps: steps, anchoredEnd: anchoredEnd)
            default: return nil
            }
        }
        return nil
    }

    private static func run<Scalars: IteratorProtocol<Unicode.Scalar>>(_ line: StraightLine, _ scalars: Scalars) -> Bool {
        var iterator = scalars
        for set in line.steps {
            guard let scalar = iterator.next(), set.contains(scalar) else { return false }
        }
        return !line.anchoredEnd || iterator.next() == nil
    }

    private static func startsAnchored(_ node: RegexNode) -> Bool {
        switch node {
        case .lineStart: return true
        case .concat(let items): return items.first.map(startsAnchored) ?? false
        case .alternation(let branches): return branches.allSatisfy(startsAnchored)
        default: return false
        }
    }

    private mutating func append(_ instruction: Instruction) throws(RegexSyntaxError) -> Int {
        guard instructions.count < Self.maxInstructions else { throw .invalid("pattern too large once repeats are expanded") }
        instructions.append(instruction)
        return instructions.count - 1
    }

    private mutating func emit(_ node: RegexNode) throws(RegexSyntaxError) {
        switch node {
        case .set(let set): _ = try append(.scalar(set))
        case .empty: break
        case .lineStart: _ = try append(.lineStart)
        case .lineEnd: _ = try append(.lineEnd)
        case .wordBoundary(let positive): _ = try append(.wordBoundary(positive))
        case .concat(let items):
            for item in items { try emit(item) }
        case .alternation(let branches):
            var jumps: [Int] = []
            for (i, branch) in branches.enumerated() {
                if i < branches.count - 1 {
                    let split = try append(.split(0, 0))
                    try emit(branch)
                    jumps.append(try append(.jump(0)))
                    instructions[split] = .split(split + 1, instructions.count)
                } else {
                    try emit(branch)
                }
            }
            for jump in jumps { instructions[jump] = .jump(instructions.count) }
        case .repeating(let inner, let min, let max):
            for _ in 0..<min { try emit(inner) }
            if let max {
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(try append(.split(0, 0)))
                    try emit(inner)
                }
                for split in splits { instructions[split] = .split(split + 1, instructions.count) }
            } else {
                let split = try append(.split(0, 0))
                try emit(inner)
                _ = try append(.jump(split))
                instructions[split] = .split(split + 1, instructions.count)
            }
        }
    }

    /// Whether the pattern matches anywhere in `text` (ECMA `RegExp.prototype.test` without flags).
    func test(_ text: String) -> Bool {
        test(scalars: text.unicodeScalars.makeIterator())
    }

    /// The same over a string body's UTF-8 straight from message bytes (already checked to be valid UTF-8).
    func test(utf8 text: UnsafeBufferPointer<UInt8>) -> Bool {
        test(scalars: ValidUTF8Scalars(text))
    }

    private func test<Scalars: IteratorProtocol<Unicode.Scalar>>(scalars: Scalars) -> Bool {
        if let straightLine { return Self.run(straightLine, scalars) }
        let count = instructions.count
        // Two state lists with their marks, plus the closure stack (each instruction pushes at most two entries).
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: count * 6 + 2) { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            var current = ThreadList(states: base, marks: base + count)
            var next = ThreadList(states: base + 2 * count, marks: base + 3 * count)
            let stack = base + 4 * count
            (base + count).initialize(repeating: -1, count: count)
            (base + 3 * count).initialize(repeating: -1, count: count)
            var generation: Int32 = 0
            var iterator = scalars
            var upcoming = iterator.next()
            if add(0, to: &current, stack: stack, generation: generation, previous: nil, upcoming: upcoming, atStart: true) { return true }
            while let scalar = upcoming {
                upcoming = iterator.next()
                generation += 1
                next.count = 0
                for i in 0..<current.count {
                    let pc = Int(current.states[i])
                    if case .scalar(let set) = instructions[pc], set.contains(scalar),
                       add(pc + 1, to: &next, stack: stack, generation: generation, previous: scalar, upcoming: upcoming, atStart: false) {
                        return true
                    }
                }
                if !anchoredStart,
                   add(0, to: &next, stack: stack, generation: generation, previous: scalar, upcoming: upcoming, atStart: false) {
                    return true
                }
                swap(&current, &next)
                if current.count == 0 && anchoredStart { return false }
            }
            return false
        }
    }

    private struct ThreadList {
        var states: UnsafeMutablePointer<Int32>
        var marks: UnsafeMutablePointer<Int32>
        var count = 0

        init(states: UnsafeMutablePointer<Int32>, marks: UnsafeMutablePointer<Int32>) {
            self.states = states
            self.marks = marks
        }
    }

    /// Adds `start` and everything reachable through empty transitions; true when `match` is reached.
    @inline(__always)
    private func add(_ start: Int, to list: inout ThreadList, stack: UnsafeMutablePointer<Int32>, generation: Int32,
                     previous: Unicode.Scalar?, upcoming: Unicode.Scalar?, atStart: Bool) -> Bool {
        var depth = 1
        stack[0] = Int32(start)
        while depth > 0 {
            depth -= 1
            let pc = Int(stack[depth])
            if list.marks[pc] == generation { continue }
            list.marks[pc] = generation
            switch instructions[pc] {
            case .scalar:
                list.states[list.count] = Int32(pc)
                list.count += 1
            case .match:
                return true
            case .jump(let target):
                stack[depth] = Int32(target)
                depth += 1
            case .split(let a, let b):
                stack[depth] = Int32(b)
                stack[depth + 1] = Int32(a)
                depth += 2
            case .lineStart:
                if atStart { stack[depth] = Int32(pc + 1); depth += 1 }
            case .lineEnd:
                if upcoming == nil { stack[depth] = Int32(pc + 1); depth += 1 }
            case .wordBoundary(let positive):
                if (ScalarSet.isWord(previous) != ScalarSet.isWord(upcoming)) == positive { stack[depth] = Int32(pc + 1); depth += 1 }
            }
        }
        return false
    }
}
