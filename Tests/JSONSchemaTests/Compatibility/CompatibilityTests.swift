import Testing
import JSONSchema
import JSONValue

@Suite("Compatibility reasons and locations")
struct CompatibilityTests {
    private func findings(reader: String, writer: String) throws -> [JSONSchemaIncompatibility] {
        JSONSchemaCompatibility.check(reader: try JSONParser.parse(reader), writer: try JSONParser.parse(writer))
    }

    @Test func boundsTightenedAreReportedWithPointer() throws {
        let found = try findings(
            reader: ##"{"type": "object", "properties": {"qty": {"type": "integer", "maximum": 10}, "name": {"type": "string", "maxLength": 3}}}"##,
            writer: ##"{"type": "object", "properties": {"qty": {"type": "integer", "maximum": 20}, "name": {"type": "string"}}}"##)
        #expect(found.map(\.difference) == [.maximumDecreased, .maxLengthAdded])
        #expect(found.map(\.location) == ["#/properties/qty/maximum", "#/properties/name/maxLength"])
    }

    @Test func wideningIsCompatible() throws {
        #expect(try findings(reader: ##"{"type": "number"}"##, writer: ##"{"type": "integer", "minimum": 3}"##).isEmpty)
        #expect(try findings(reader: ##"{"enum": ["a", "b", "c"]}"##, writer: ##"{"enum": ["a", "b"]}"##).isEmpty)
        #expect(try findings(reader: ##"{"type": ["string", "null"]}"##, writer: ##"{"type": "string"}"##).isEmpty)
        #expect(try findings(reader: ##"{"anyOf": [{"type": "string"}, {"type": "integer"}]}"##, writer: ##"{"type": "string"}"##).isEmpty)
    }

    @Test func narrowingIsTyped() throws {
        #expect(try findings(reader: ##"{"type": "integer"}"##, writer: ##"{"type": "number"}"##).map(\.difference) == [.typeNarrowed])
        #expect(try findings(reader: ##"{"type": "string"}"##, writer: ##"{"type": "boolean"}"##).map(\.difference) == [.typeChanged])
        #expect(try findings(reader: ##"{"enum": ["a"]}"##, writer: ##"{"enum": ["a", "b"]}"##).map(\.difference) == [.enumArrayNarrowed])
        #expect(try findings(reader: ##"{"oneOf": [{"type": "string"}]}"##, writer: ##"{"oneOf": [{"type": "string"}, {"type": "null"}]}"##).map(\.difference) == [.sumTypeNarrowed])
    }

    @Test func contentModels() throws {
        // Open model: a new property may clash with what old data carried under that name.
        #expect(try findings(reader: ##"{"properties": {"a": {"type": "string"}}}"##, writer: ##"{}"##).map(\.difference) == [.propertyAddedToOpenContentModel])
        // Closed model: adding an optional property is fine, removing one is not.
        let closedOld = ##"{"additionalProperties": false, "properties": {"a": {"type": "string"}}}"##
        #expect(try findings(reader: ##"{"additionalProperties": false, "properties": {"a": {"type": "string"}, "b": {}}}"##, writer: closedOld).isEmpty)
        #expect(try findings(reader: ##"{"additionalProperties": false, "properties": {}}"##, writer: closedOld).map(\.difference) == [.propertyRemovedFromClosedContentModel])
        // Required added.
        let required = try findings(reader: ##"{"additionalProperties": false, "required": ["a"], "properties": {"a": {"type": "string"}}}"##, writer: closedOld)
        #expect(required.map(\.difference) == [.requiredAttributeAdded])
        #expect(required.first?.location == "#/required")
    }

    @Test func recursiveReferencesTerminate() throws {
        let tree = ##"{"type": "object", "properties": {"child": {"$ref": "#"}, "v": {"type": "integer"}}}"##
        #expect(try findings(reader: tree, writer: tree).isEmpty)
        let narrowed = ##"{"type": "object", "properties": {"child": {"$ref": "#"}, "v": {"type": "integer", "maximum": 1}}}"##
        #expect(try findings(reader: narrowed, writer: tree).map(\.difference) == [.maximumAdded])
    }
}
