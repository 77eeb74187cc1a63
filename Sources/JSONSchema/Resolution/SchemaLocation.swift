import JSONValue

/// Where a subschema sits: which loaded document, and the JSON pointer from that document's root.
struct SchemaLocation: Hashable {
    var document: Int
    var pointer: String

    func appending(_ token: String) -> SchemaLocation {
        SchemaLocation(document: document, pointer: pointer + "/" + JSONPointer.escape(token))
    }

    func appending(_ index: Int) -> SchemaLocation {
        SchemaLocation(document: document, pointer: pointer + "/" + String(index))
    }
}

/// What the index knows about one subschema: its JSON, the base URI in effect there and the draft it follows.
struct LocatedSchema {
    var value: JSONValue
    var baseURI: String
    var draft: JSONSchemaDraft
    /// False under a custom meta-schema whose `$vocabulary` omits the validation vocabulary: then `type`,
    /// `minimum` and friends are annotations only.
    var validationVocabulary = true
}

/// A schema resource: a subschema with its own `$id` (or a document root).
struct SchemaResource {
    var location: SchemaLocation
    var draft: JSONSchemaDraft
    var dynamicAnchors: [String: SchemaLocation] = [:]
    var recursiveAnchor = false
}
