import Avro
import JSONSchema
import JSONValue

/// How a subject's format decides whether one example message matches: the seam that lets the example runner
/// stay the same for every schema type.
protocol ExampleJudge {
    /// Why the message does not match, or `nil` when it does.
    mutating func rejection(of message: ArraySlice<UInt8>) -> ExampleRejection?
    /// What to do when a valid example is rejected, in the format's own terms.
    var rejectedHint: String { get }
}

/// The first reason a message was rejected, at a pointer into the message (empty for the whole message).
struct ExampleRejection {
    var pointer: String
    var message: String
}

/// Avro examples must encode with the schema's codec, the check a producer's serializer makes.
struct AvroExampleJudge: ExampleJudge {
    let codec: AvroCodec
    var buffer: [UInt8] = []
    let rejectedHint = "if producers really send this, the schema change breaks them (keep the field, or make it optional with a default); otherwise correct the example"

    init(_ schema: AvroParsedSchema) throws(AvroDataError) {
        codec = try AvroCodec(schema)
    }

    mutating func rejection(of message: ArraySlice<UInt8>) -> ExampleRejection? {
        buffer.removeAll(keepingCapacity: true)
        do {
            try codec.encode(json: message, dialect: .plain, into: &buffer)
            return nil
        } catch {
            return ExampleRejection(pointer: error.path, message: error.description)
        }
    }
}

/// JSON Schema examples must validate, the check a JSON Schema serializer makes before producing.
struct JSONExampleJudge: ExampleJudge {
    let validator: JSONSchemaValidator
    let rejectedHint = "if producers really send this, the schema change breaks them (keep the property optional and its old type and values allowed); otherwise correct the example"

    mutating func rejection(of message: ArraySlice<UInt8>) -> ExampleRejection? {
        let instance: JSONValue
        do {
            instance = try JSONParser.parse(bytes: message)
        } catch {
            return ExampleRejection(pointer: "", message: "not valid JSON: \(error.message)")
        }
        guard let failure = validator.validate(instance).first else { return nil }
        // The keyword location is an absolute URI; its fragment is the place in the schema people look for.
        let keyword = failure.keywordLocation.split(separator: "#", maxSplits: 1).last.map(String.init) ?? failure.keyword
        let place = failure.instanceLocation.isEmpty ? "/" : failure.instanceLocation
        return ExampleRejection(pointer: failure.instanceLocation,
                                message: "\(place): \(failure.message) (schema at \(keyword.isEmpty ? failure.keyword : keyword))")
    }
}
