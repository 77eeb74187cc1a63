import JSONValue

/// Builds a compact JSON text field by field.
///
/// Responses are small and their shapes fixed, so writing them directly is both the fastest path and the one
/// that guarantees Confluent's exact field names and omissions.
struct JSONOutput {
    private(set) var text: String
    /// One bit per open container, innermost lowest: set once the container has an element, so the next one
    /// needs a comma. Responses nest a few levels, far below the 64 this holds.
    private var hasElement: UInt64 = 0

    init(capacity: Int = 128) {
        text = ""
        text.reserveCapacity(capacity)
    }

    mutating func beginObject() { separate(); text += "{"; hasElement <<= 1 }
    mutating func endObject() { text += "}"; hasElement >>= 1 }
    mutating func beginArray() { separate(); text += "["; hasElement <<= 1 }
    mutating func endArray() { text += "]"; hasElement >>= 1 }

    mutating func key(_ name: String) {
        separate()
        JSONValue.writeString(name, to: &text)
        text += ":"
        // The value that follows belongs to this key and must not get its own comma.
        hasElement &= ~1
    }

    mutating func string(_ value: String) { separate(); JSONValue.writeString(value, to: &text) }
    mutating func int(_ value: Int) { separate(); text += String(value) }
    mutating func bool(_ value: Bool) { separate(); text += value ? "true" : "false" }

    mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    mutating func field(_ name: String, _ value: Int) { key(name); int(value) }
    mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }

    private mutating func separate() {
        if hasElement & 1 == 1 { text += "," }
        hasElement |= 1
    }
}
