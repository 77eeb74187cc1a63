/// Orders subjects so that every referenced subject comes before the subjects that use it: the order to parse
/// them in (a referenced schema's names must be known first) and to register them in.
public enum DependencyOrder {
    /// Every subject, dependencies first, otherwise in manifest order. Assumes no cycle (the loader refuses one).
    public static func sorted(_ manifest: Manifest) -> [String] {
        var order: [String] = []
        var done = Set<String>()
        for entry in manifest.subjects {
            visit(entry.subject, manifest, &done, &order)
        }
        return order
    }

    /// The subjects `subject` depends on, directly or not, dependencies first; excludes `subject` itself.
    public static func closure(of subject: String, in manifest: Manifest) -> [String] {
        var order: [String] = []
        var done = Set<String>()
        for reference in manifest.subject(subject)?.references ?? [] {
            visit(reference.subject, manifest, &done, &order)
        }
        return order.filter { $0 != subject }
    }

    private static func visit(_ subject: String, _ manifest: Manifest, _ done: inout Set<String>, _ order: inout [String]) {
        // Iterative depth-first walk so a long chain of references cannot exhaust the stack.
        guard !done.contains(subject) else { return }
        var stack: [(subject: String, next: Int)] = [(subject, 0)]
        var onStack: Set<String> = [subject]
        while let top = stack.last {
            let references = manifest.subject(top.subject)?.references ?? []
            if top.next < references.count {
                stack[stack.count - 1].next += 1
                let child = references[top.next].subject
                if !done.contains(child), !onStack.contains(child) {
                    stack.append((child, 0))
                    onStack.insert(child)
                }
            } else {
                stack.removeLast()
                onStack.remove(top.subject)
                if done.insert(top.subject).inserted { order.append(top.subject) }
            }
        }
    }

    /// A cycle of references, if there is one, as the subjects along it.
    public static func cycle(in manifest: Manifest) -> [String]? {
        var state: [String: Bool] = [:] // false = on the current path, true = finished
        for entry in manifest.subjects where state[entry.subject] == nil {
            var path: [(subject: String, next: Int)] = [(entry.subject, 0)]
            state[entry.subject] = false
            while let top = path.last {
                let references = manifest.subject(top.subject)?.references ?? []
                if top.next < references.count {
                    path[path.count - 1].next += 1
                    let child = references[top.next].subject
                    switch state[child] {
                    case .some(false):
                        let names = path.map(\.subject)
                        let start = names.firstIndex(of: child) ?? 0
                        return Array(names[start...])
                    case .some(true):
                        continue
                    case .none:
                        state[child] = false
                        path.append((child, 0))
                    }
                } else {
                    state[top.subject] = true
                    path.removeLast()
                }
            }
        }
        return nil
    }
}
