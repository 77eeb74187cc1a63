import JSONValue

/// Builds a compact JSON text field by field.
///
/// Responses are small and their shapes fixed, so writing them directly is both the fastest path and the one
/// that guarantees Confluent's exact field names and omissions.
struct JSONOutput {
    private(set) var text: String
    private var needsComma: [Bool] = []

    init(capacity: Int = 128) {
        text = ""
        text.reserveCapacity(capacity)
    }

    mutating func beginObject() { separate(); text += "{"; needsComma.append(false) }
    mutating func endObject() { text += "}"; needsComma.removeLast() }
    mutating func beginArray() { separate(); text += "["; needsComma.append(false) }
    mutating func endArray() { text += "]"; needsComma.removeLast() }

    mutating func key(_ name: String) {
        separate()
        JSONValue.writeString(name, to: &text)
        text += ":"
        // The value that follows must not get its own comma.
        if !needsComma.isEmpty { needsComma[needsComma.count - 1] = false }
    }

    mutating func string(_ value: String) { separate(); JSONValue.writeString(value, to: &text) }
    mutating func int(_ value: Int) { separate(); text += String(value) }
    mutating func bool(_ value: Bool) { separate(); text += value ? "true" : "false" }

    mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    mutating func field(_ name: String, _ value: Int) { key(name); int(value) }
    mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }

    private mutating func separate() {
        guard !needsComma.isEmpty else { return }
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
    }
}
