import JSONValue

/// Walks one instance through the compiled node table. With `collecting` off it stops at the first failure and
/// builds no strings (the `isValid` fast path); with it on, every failing keyword is recorded with its paths.
struct Evaluator {
    let nodes: UnsafeBufferPointer<CompiledNode>
    let program: CompiledProgram
    var collecting: Bool
    var errors: [JSONSchemaValidationError] = []
    private var instancePath: [String] = []
    private var depth = 0
    private var scope: [Int] = []
    /// Subschemas entered so far; see `JSONSchemaLimits.maxEvaluationSteps`.
    private(set) var steps = 0
    /// The budget ran out: every result after that is false without looking, so a `not` or a failed `anyOf`
    /// branch above may have turned one into `true`; callers must treat the instance as invalid.
    var exhausted: Bool { steps > program.maxEvaluationSteps }

    init(program: CompiledProgram, nodes: UnsafeBufferPointer<CompiledNode>, collecting: Bool) {
        self.program = program
        self.nodes = nodes
        self.collecting = collecting
    }

    // MARK: - Error reporting

    private mutating func fail(_ node: Int, _ keyword: String, _ message: @autoclosure () -> String) {
        guard collecting else { return }
        var pointer = ""
        for token in instancePath { pointer += "/" + JSONPointer.escape(token) }
        errors.append(JSONSchemaValidationError(instanceLocation: pointer, keywordLocation: nodes[node].location + "/" + keyword,
                                                keyword: keyword, message: message()))
    }

    /// Runs `body` with collection off: used for branches whose individual failures are not the instance's errors.
    @inline(__always)
    private mutating func quietly<T>(_ body: (inout Evaluator) -> T) -> T {
        let saved = collecting
        collecting = false
        defer { collecting = saved }
        return body(&self)
    }

    @inline(__always)
    private mutating func child<T>(_ token: @autoclosure () -> String, _ body: (inout Evaluator) -> T) -> T {
        if collecting { instancePath.append(token()) }
        defer { if collecting { instancePath.removeLast() } }
        return body(&self)
    }

    // MARK: - Nodes

    mutating func validate(_ id: Int, _ instance: JSONValue, _ annotations: inout EvaluatedLocations?) -> Bool {
        steps += 1
        if exhausted { return false }
        let node = nodes[id]
        guard case .keywords(let keywords) = node.body else {
            if case .always(false) = node.body {
                fail(id, "false", "no value is valid against the false schema")
                return false
            }
            return true
        }
        depth += 1
        defer { depth -= 1 }
        let limit = program.maxEvaluationDepth
        if depth > limit {
            fail(id, "$ref", "evaluation deeper than \(limit) levels (reference loop?)")
            return false
        }
        var pushedScope = false
        if program.usesDynamicScope, scope.last != node.resource {
            scope.append(node.resource)
            pushedScope = true
        }
        defer { if pushedScope { scope.removeLast() } }

        var valid = true
        if annotations == nil && !node.collectsAnnotations {
            var none: EvaluatedLocations?
            for keyword in keywords where !check(keyword, id, instance, &none) {
                valid = false
                if !collecting { return false }
            }
            return valid
        }
        var local: EvaluatedLocations? = EvaluatedLocations()
        for keyword in keywords where !check(keyword, id, instance, &local) {
            valid = false
            if !collecting { return false }
        }
        if valid, let local { annotations?.merge(local) }
        return valid
    }

    // MARK: - Keywords

    private mutating func check(_ keyword: Keyword, _ id: Int, _ instance: JSONValue, _ annotations: inout EvaluatedLocations?) -> Bool {
        switch keyword {
        case .properties(let table):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for member in object.members {
                guard let target = table.node(for: member.key) else { continue }
                annotations?.properties.insert(member.key)
                if !child(member.key, { $0.validateChild(target, member.value) }) {
                    valid = false
                    if !collecting { return false }
                }
            }
            return valid
        case .objectShape(let shape):
            guard case .object(let object) = instance else { return true }
            var valid = true
            var seen: UInt64 = 0
            for member in object.members {
                if let index = shape.table.index(for: member.key) {
                    seen |= 1 << UInt64(index)
                    annotations?.properties.insert(member.key)
                    let target = shape.table.entries[index].node
                    if !child(member.key, { $0.validateChild(target, member.value) }) {
                        valid = false
                        if !collecting { return false }
                    }
                } else if let target = shape.additional {
                    if case .always(false) = nodes[target].body {
                        fail(id, "additionalProperties", "property \"\(member.key)\" is not allowed")
                        valid = false
                        if !collecting { return false }
                    } else if !child(member.key, { $0.validateChild(target, member.value) }) {
                        valid = false
                        if !collecting { return false }
                    }
                }
            }
            for entry in shape.required {
                let present: Bool
                if let index = entry.index { present = seen & (1 << UInt64(index)) != 0 } else { present = object[entry.name] != nil }
                if !present {
                    valid = false
                    fail(id, "required", "missing required property \"\(entry.name)\"")
                    if !collecting { return false }
                }
            }
            if valid && shape.additional != nil { annotations?.allProperties = true }
            return valid
        case .patternProperties(let patterns):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for member in object.members {
                for (pattern, target) in patterns where pattern.matches(member.key) {
                    annotations?.properties.insert(member.key)
                    if !child(member.key, { $0.validateChild(target, member.value) }) {
                        valid = false
                        if !collecting { return false }
                    }
                }
            }
            return valid
        case .additionalProperties(let target, let known, let patterns):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for member in object.members {
                if known.node(for: member.key) != nil { continue }
                if patterns.contains(where: { $0.matches(member.key) }) { continue }
                if case .always(false) = nodes[target].body {
                    fail(id, "additionalProperties", "property \"\(member.key)\" is not allowed")
                    if !collecting { return false }
                    valid = false
                    continue
                }
                if !child(member.key, { $0.validateChild(target, member.value) }) {
                    valid = false
                    if !collecting { return false }
                }
            }
            if valid { annotations?.allProperties = true }
            return valid
        case .propertyNames(let target):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for member in object.members where !quietly({ $0.validateChild(target, .string(member.key)) }) {
                valid = false
                fail(id, "propertyNames", "property name \"\(member.key)\" is invalid")
                if !collecting { return false }
            }
            return valid
        case .dependentSchemas(let rules):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for (trigger, target) in rules where object[trigger] != nil {
                if !validate(target, instance, &annotations) {
                    valid = false
                    if !collecting { return false }
                }
            }
            return valid
        case .prefixItems(let targets):
            guard case .array(let elements) = instance else { return true }
            var valid = true
            for (i, target) in targets.enumerated() where i < elements.count {
                if !child(String(i), { $0.validateChild(target, elements[i]) }) {
                    valid = false
                    if !collecting { return false }
                }
            }
            if valid, let current = annotations?.itemPrefix { annotations?.itemPrefix = max(current, min(targets.count, elements.count)) }
            return valid
        case .items(let target, let from):
            guard case .array(let elements) = instance, from < elements.count else { return true }
            var valid = true
            for i in from..<elements.count {
                if !child(String(i), { $0.validateChild(target, elements[i]) }) {
                    valid = false
                    if !collecting { return false }
                }
            }
            if valid { annotations?.allItems = true }
            return valid
        case .contains(let target, let minimum, let maximum):
            guard case .array(let elements) = instance else { return true }
            var matched = 0
            for (i, element) in elements.enumerated() where quietly({ $0.validateChild(target, element) }) {
                matched += 1
                annotations?.items.insert(i)
            }
            if matched < minimum {
                fail(id, minimum == 1 ? "contains" : "minContains", "fewer than \(minimum) items match contains")
                return false
            }
            if let maximum, matched > maximum {
                fail(id, "maxContains", "more than \(maximum) items match contains")
                return false
            }
            return true
        case .allOf(let targets):
            var valid = true
            for target in targets where !validate(target, instance, &annotations) {
                valid = false
                if !collecting { return false }
            }
            return valid
        case .anyOf(let targets):
            var any = false
            for target in targets {
                if annotations == nil {
                    if quietly({ $0.validate(target, instance, &annotations) }) { return true }
                } else {
                    var branch: EvaluatedLocations? = EvaluatedLocations()
                    if quietly({ $0.validate(target, instance, &branch) }) {
                        any = true
                        if let branch { annotations?.merge(branch) }
                    }
                }
            }
            if any { return true }
            fail(id, "anyOf", "value matches none of the \(targets.count) anyOf schemas")
            return false
        case .oneOf(let targets):
            var matches = 0
            var kept: EvaluatedLocations?
            for target in targets {
                var branch: EvaluatedLocations? = annotations == nil ? nil : EvaluatedLocations()
                if quietly({ $0.validate(target, instance, &branch) }) {
                    matches += 1
                    kept = branch
                    if matches > 1 { break }
                }
            }
            if matches == 1 {
                if let kept { annotations?.merge(kept) }
                return true
            }
            fail(id, "oneOf", matches == 0 ? "value matches none of the oneOf schemas" : "value matches more than one oneOf schema")
            return false
        case .not(let target):
            var none: EvaluatedLocations?
            if !quietly({ $0.validate(target, instance, &none) }) { return true }
            fail(id, "not", "value must not match the not schema")
            return false
        case .conditional(let condition, let thenTarget, let elseTarget):
            var branch: EvaluatedLocations? = annotations == nil ? nil : EvaluatedLocations()
            if quietly({ $0.validate(condition, instance, &branch) }) {
                if let branch { annotations?.merge(branch) }
                guard let thenTarget else { return true }
                if validate(thenTarget, instance, &annotations) { return true }
                fail(id, "then", "value matches if but not then")
                return false
            }
            guard let elseTarget else { return true }
            if validate(elseTarget, instance, &annotations) { return true }
            fail(id, "else", "value matches neither if nor else")
            return false
        case .ref(let target):
            return validate(target, instance, &annotations)
        case .dynamicRef(let target, let anchor):
            var resolved = target
            if let anchor {
                for resource in scope {
                    if let dynamic = program.dynamicAnchors[resource][anchor] {
                        resolved = dynamic
                        break
                    }
                }
            }
            return validate(resolved, instance, &annotations)
        case .unevaluatedProperties(let target):
            guard case .object(let object) = instance else { return true }
            var valid = true
            let seen = annotations ?? EvaluatedLocations()
            for member in object.members where !seen.hasProperty(member.key) {
                if !child(member.key, { $0.validateChild(target, member.value) }) {
                    valid = false
                    fail(id, "unevaluatedProperties", "property \"\(member.key)\" is not evaluated and not allowed")
                    if !collecting { return false }
                }
            }
            if valid { annotations?.allProperties = true }
            return valid
        case .unevaluatedItems(let target):
            guard case .array(let elements) = instance else { return true }
            var valid = true
            let seen = annotations ?? EvaluatedLocations()
            for (i, element) in elements.enumerated() where !seen.hasItem(i) {
                if !child(String(i), { $0.validateChild(target, element) }) {
                    valid = false
                    fail(id, "unevaluatedItems", "item \(i) is not evaluated and not allowed")
                    if !collecting { return false }
                }
            }
            if valid { annotations?.allItems = true }
            return valid
        default:
            return checkAssertion(keyword, id, instance)
        }
    }

    /// Keywords that never recurse, kept out of `check` so the recursive path's stack frames stay small
    /// (debug builds give every case's temporaries their own slot).
    @inline(never)
    private mutating func checkAssertion(_ keyword: Keyword, _ id: Int, _ instance: JSONValue) -> Bool {
        switch keyword {
        case .type(let types):
            if Self.matches(types, instance) { return true }
            fail(id, "type", "expected \(types.names.joined(separator: " or ")), got \(instance.typeName)")
            return false
        case .enumeration(let values):
            if values.contains(instance) { return true }
            fail(id, "enum", "value is not one of the \(values.values.count) allowed values")
            return false
        case .const(let expected):
            if JSONEquality.equal(instance, expected) { return true }
            fail(id, "const", "value must equal \(expected.serialized())")
            return false
        case .minimum(let bound, let exclusive):
            guard let order = JSONEquality.compare(instance, bound) else { return true }
            if exclusive ? order > 0 : order >= 0 { return true }
            fail(id, exclusive ? "exclusiveMinimum" : "minimum", "\(instance.serialized()) is \(exclusive ? "not greater than" : "less than") \(bound.serialized())")
            return false
        case .maximum(let bound, let exclusive):
            guard let order = JSONEquality.compare(instance, bound) else { return true }
            if exclusive ? order < 0 : order <= 0 { return true }
            fail(id, exclusive ? "exclusiveMaximum" : "maximum", "\(instance.serialized()) is \(exclusive ? "not less than" : "greater than") \(bound.serialized())")
            return false
        case .multipleOf(let divisor, let raw):
            guard instance.isNumber else { return true }
            if case .int(let value) = instance, case .int(let d) = raw {
                if value % d == 0 { return true }
            } else if let decimal = DecimalNumber(instance), decimal.isMultiple(of: divisor) {
                return true
            }
            fail(id, "multipleOf", "\(instance.serialized()) is not a multiple of \(raw.serialized())")
            return false
        case .minLength(let minimum):
            guard case .string(let s) = instance else { return true }
            // Code points, not bytes or grapheme clusters; a scalar is at most 4 UTF-8 bytes, so counting is often avoidable.
            let bytes = s.utf8.count
            if bytes >= minimum && (bytes / 4 >= minimum || s.unicodeScalars.count >= minimum) { return true }
            fail(id, "minLength", "string shorter than \(minimum) characters")
            return false
        case .maxLength(let maximum):
            guard case .string(let s) = instance else { return true }
            if s.utf8.count <= maximum || s.unicodeScalars.count <= maximum { return true }
            fail(id, "maxLength", "string longer than \(maximum) characters")
            return false
        case .pattern(let pattern):
            guard case .string(let s) = instance else { return true }
            if pattern.matches(s) { return true }
            fail(id, "pattern", "string does not match /\(pattern.source)/")
            return false
        case .format(let format):
            guard case .string(let s) = instance else { return true }
            if format.accepts(s) { return true }
            fail(id, "format", "string is not a valid \(format.rawValue)")
            return false
        case .required(let names):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for name in names where object[name] == nil {
                valid = false
                fail(id, "required", "missing required property \"\(name)\"")
                if !collecting { return false }
            }
            return valid
        case .minProperties(let minimum):
            guard case .object(let object) = instance else { return true }
            if object.count >= minimum { return true }
            fail(id, "minProperties", "fewer than \(minimum) properties")
            return false
        case .maxProperties(let maximum):
            guard case .object(let object) = instance else { return true }
            if object.count <= maximum { return true }
            fail(id, "maxProperties", "more than \(maximum) properties")
            return false
        case .dependentRequired(let rules):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for (trigger, names) in rules where object[trigger] != nil {
                for name in names where object[name] == nil {
                    valid = false
                    fail(id, "dependentRequired", "property \"\(name)\" is required when \"\(trigger)\" is present")
                    if !collecting { return false }
                }
            }
            return valid
        case .minItems(let minimum):
            guard case .array(let elements) = instance else { return true }
            if elements.count >= minimum { return true }
            fail(id, "minItems", "fewer than \(minimum) items")
            return false
        case .maxItems(let maximum):
            guard case .array(let elements) = instance else { return true }
            if elements.count <= maximum { return true }
            fail(id, "maxItems", "more than \(maximum) items")
            return false
        case .uniqueItems:
            guard case .array(let elements) = instance, elements.count > 1 else { return true }
            if Self.allUnique(elements) { return true }
            fail(id, "uniqueItems", "array items are not unique")
            return false
        default:
            return true
        }
    }

    /// A subschema applied to a child value: annotations there are about the child, so they start fresh.
    @inline(__always)
    private mutating func validateChild(_ target: Int, _ value: JSONValue) -> Bool {
        var none: EvaluatedLocations?
        return validate(target, value, &none)
    }

    // MARK: - Helpers

    @inline(__always)
    static func matches(_ types: TypeSet, _ instance: JSONValue) -> Bool {
        switch instance {
        case .null: return types.contains(.null)
        case .bool: return types.contains(.boolean)
        case .int: return types.contains(.integer) || types.contains(.number)
        case .double(let d):
            if types.contains(.number) { return true }
            return types.contains(.integer) && d.isFinite && d.rounded(.towardZero) == d
        case .string: return types.contains(.string)
        case .array: return types.contains(.array)
        case .object: return types.contains(.object)
        }
    }

    static func allUnique(_ elements: [JSONValue]) -> Bool {
        if elements.count <= 8 {
            for i in elements.indices {
                for j in elements.indices where j > i && JSONEquality.equal(elements[i], elements[j]) { return false }
            }
            return true
        }
        var seen = Set<JSONValue>(minimumCapacity: elements.count)
        for element in elements where !seen.insert(JSONEquality.normalized(element)).inserted { return false }
        return true
    }
}
