import Avro
import JSONValue
import RegistryCore
import Serde
import Testing

/// JSON Schema serde against the real in-process registry over SQLite: framing, schema selection, validation
/// errors with paths, references, and decoding by the registered schema's type.
@Suite struct JSONSchemaSerdeTests {
    @Test func framingIsMagicByteIDAndTheTextAsWritten() async throws {
        try await TestRegistry.inProcess { (registry: Registry) async throws in
            let registered = try await registry.register(subject: "orders-value", JSONTestSchemas.submission(), normalize: false)
            let serializer = JSONSchemaSerializer(registry: registry)
            let text = TestSchemas.orderJSON(4)
            let bytes = try await serializer.serialize(topic: "orders", json: Array(text.utf8))
            #expect(bytes == ConfluentFraming.frame(schemaID: Int32(registered.id), payload: Array(text.utf8)))
            #expect(Array(bytes.prefix(5)) == [0, 0, 0, 0, UInt8(registered.id)])
            let deserializer = JSONSchemaDeserializer(registry: registry)
            #expect(try await deserializer.deserializeText(bytes) == text)
            #expect(try await deserializer.deserialize(bytes) == (try JSONParser.parse(text)))
        }
    }

    @Test func refusalsNameThePathTheReasonAndTheSchema() async throws {
        try await TestRegistry.inProcess { (registry: Registry) async throws in
            let registered = try await registry.register(subject: "orders-value", JSONTestSchemas.submission(), normalize: false)
            let serializer = JSONSchemaSerializer(registry: registry)
            for bad in JSONTestSchemas.invalid {
                let error = await #expect(throws: ValidationError.self) {
                    try await serializer.serialize(topic: "orders", json: Array(bad.json.utf8))
                }
                #expect(error?.path == bad.path, "\(bad.json): \(String(describing: error))")
                #expect(error?.reason.rawValue == bad.reason, "\(bad.json)")
                #expect(error?.topic == "orders")
                #expect(error?.subject == "orders-value")
                #expect(error?.schemaID == registered.id)
                #expect(error?.schemaVersion == 1)
                #expect(error?.isKey == false)
            }
            // Expected and actual quote the schema and the message.
            let negative = await #expect(throws: ValidationError.self) {
                try await serializer.serialize(topic: "orders", json: Array(#"{"id":-5,"customer":"c","status":"NEW","lines":[]}"#.utf8))
            }
            #expect(negative?.expected == ">= 0")
            #expect(negative?.actual == "-5")
            let wrongType = await #expect(throws: ValidationError.self) {
                try await serializer.serialize(topic: "orders", json: Array(#"{"id":"seven","customer":"c","status":"NEW","lines":[]}"#.utf8))
            }
            #expect(wrongType?.expected == #"type "integer""#)
            #expect(wrongType?.actual == #""seven""#)
            #expect(wrongType?.description.contains("at /id: expected type \"integer\", got \"seven\"") == true, "\(String(describing: wrongType))")
            let notUTF8 = await #expect(throws: ValidationError.self) {
                try await serializer.serialize(topic: "orders", json: [0x7B, 0xFF, 0x7D])
            }
            #expect(notUTF8?.reason == .invalidUTF8)
        }
    }

    @Test func everyFailureIsCountedInTheFirstOnesExpectation() async throws {
        try await TestRegistry.inProcess { (registry: Registry) async throws in
            _ = try await registry.register(subject: "orders-value", JSONTestSchemas.submission(), normalize: false)
            let serializer = JSONSchemaSerializer(registry: registry)
            let error = await #expect(throws: ValidationError.self) {
                try await serializer.serialize(topic: "orders", json: Array(#"{"id":"x","customer":"","status":"LOST","lines":[]}"#.utf8))
            }
            #expect(error?.expected.contains("(and 2 more failures)") == true, "\(String(describing: error))")
        }
    }

    @Test func aLocalSchemaIsRegisteredAsJSON() async throws {
        try await TestRegistry.inProcess { (registry: Registry) async throws in
            let configuration = SerializerConfiguration(schema: JSONTestSchemas.order, autoRegister: true)
            let serializer = JSONSchemaSerializer(registry: registry, configuration: configuration)
            let bytes = try await serializer.serialize(topic: "orders", json: Array(TestSchemas.orderJSON(1).utf8))
            let registered = try await registry.version(subject: "orders-value", .latest, includeDeleted: false)
            #expect(registered.schema.schemaType == .json)
            #expect(try AvroDeserializer.schemaID(of: bytes) == registered.id)
            // Record-name strategies take the schema's title, as Confluent's JSON serializer does.
            let byTitle = JSONSchemaSerializer(registry: registry, configuration: SerializerConfiguration(
                subjectNameStrategy: .topicRecordName, schema: JSONTestSchemas.order, autoRegister: true))
            _ = try await byTitle.serialize(topic: "orders", json: Array(TestSchemas.orderJSON(2).utf8))
            #expect(try await registry.version(subject: "orders-Order", .latest, includeDeleted: false).schema.schemaType == .json)
        }
    }

    @Test func referencesToOtherSubjectsValidateNestedValues() async throws {
        try await TestRegistry.inProcess { (registry: Registry) async throws in
            let address = #"{"type":"object","properties":{"city":{"type":"string"},"zip":{"type":"string","pattern":"^[0-9]{5}$"}},"required":["city","zip"]}"#
            _ = try await registry.register(subject: "address", JSONTestSchemas.submission(address), normalize: false)
            let customer = #"{"type":"object","properties":{"name":{"type":"string"},"address":{"$ref":"address.json"}},"required":["name","address"]}"#
            let reference = SchemaReference(name: "address.json", subject: "address", version: 1)
            _ = try await registry.register(subject: "customers-value", JSONTestSchemas.submission(customer, references: [reference]), normalize: false)
            let serializer = JSONSchemaSerializer(registry: registry)
            _ = try await serializer.serialize(topic: "customers", json: Array(#"{"name":"Ada","address":{"city":"Paris","zip":"75001"}}"#.utf8))
            let error = await #expect(throws: ValidationError.self) {
                try await serializer.serialize(topic: "customers", json: Array(#"{"name":"Ada","address":{"city":"Paris","zip":"750"}}"#.utf8))
            }
            #expect(error?.path == "/address/zip")
            #expect(error?.reason == .typeMismatch)
        }
    }

    @Test func deserializerValidatesUnlessToldNotTo() async throws {
        try await TestRegistry.inProcess { (registry: Registry) async throws in
            let registered = try await registry.register(subject: "orders-value", JSONTestSchemas.submission(), normalize: false)
            let invalid = ConfluentFraming.frame(schemaID: Int32(registered.id), payload: Array(#"{"id":"x"}"#.utf8))
            let error = await #expect(throws: SerdeError.self) {
                try await JSONSchemaDeserializer(registry: registry).deserializeText(invalid)
            }
            guard case .undecodable(let id, let cause)? = error else {
                Issue.record("expected undecodable, got \(String(describing: error))")
                return
            }
            #expect(id == registered.id)
            #expect(cause.path == "/id")
            #expect(try await JSONSchemaDeserializer(registry: registry, validate: false).deserializeText(invalid) == #"{"id":"x"}"#)
            let garbage = ConfluentFraming.frame(schemaID: Int32(registered.id), payload: Array("{no".utf8))
            await #expect(throws: SerdeError.self) {
                try await JSONSchemaDeserializer(registry: registry, validate: false).deserializeText(garbage)
            }
            await #expect(throws: SerdeError.self) {
                try await JSONSchemaDeserializer(registry: registry).deserializeText([1, 0, 0, 0, 1, 0x7B, 0x7D])
            }
        }
    }

    @Test func messageDecoderPicksTheDeserializerByRegisteredType() async throws {
        try await TestRegistry.inProcess { (registry: Registry) async throws in
            let avroID = try await registry.register(subject: "avro-orders-value", SchemaSubmission(schema: TestSchemas.order), normalize: false).id
            let jsonID = try await registry.register(subject: "json-orders-value", JSONTestSchemas.submission(), normalize: false).id
            let text = TestSchemas.orderJSON(5)
            let avroBytes = try await AvroSerializer(registry: registry).serialize(topic: "avro-orders", json: Array(text.utf8))
            let jsonBytes = try await JSONSchemaSerializer(registry: registry).serialize(topic: "json-orders", json: Array(text.utf8))
            let decoder = try MessageDecoder(registry: registry)
            let fromAvro = try await decoder.decodeToJSON(avroBytes)
            #expect(fromAvro.schemaType == .avro)
            #expect(fromAvro.schemaID == avroID)
            #expect(try JSONParser.parse(fromAvro.json) == (try JSONParser.parse(text)))
            let fromJSON = try await decoder.decodeToJSON(jsonBytes)
            #expect(fromJSON == DecodedMessage(schemaID: jsonID, schemaType: .json, json: text))
            await #expect(throws: SerdeError.self) { try await decoder.decodeToJSON([0, 0, 0, 0x7F, 0x7F, 0x7B, 0x7D]) }
        }
    }

    @Test func anAvroSerializerReportsAJSONSubjectAsUnsupported() async throws {
        try await TestRegistry.inProcess { (registry: Registry) async throws in
            let registered = try await registry.register(subject: "orders-value", JSONTestSchemas.submission(), normalize: false)
            let error = await #expect(throws: SerdeError.self) {
                try await AvroSerializer(registry: registry).target(topic: "orders")
            }
            #expect(error == .unsupportedSchemaType(.json, schemaID: registered.id))
        }
    }
}

/// A schema whose shared definitions multiply under `allOf` (2^30 evaluations if followed naively): the
/// serializer refuses messages in bounded time instead of hanging the producer.
@Suite struct JSONSchemaEvaluationBudgetTests {
    @Test func multiplyingDefinitionsAreRefusedWithinTheBudget() async throws {
        var definitions = [#""d0":{"type":"string"}"#]
        for level in 1...30 {
            definitions.append(##""d\##(level)":{"allOf":[{"$ref":"#/$defs/d\##(level - 1)"},{"$ref":"#/$defs/d\##(level - 1)"}]}"##)
        }
        let schema = ##"{"$defs":{\##(definitions.joined(separator: ","))},"$ref":"#/$defs/d30"}"##
        try await TestRegistry.inProcess { (registry: Registry) async throws in
            _ = try await registry.register(subject: "blowup-value", JSONTestSchemas.submission(schema), normalize: false)
            let error = await #expect(throws: ValidationError.self) {
                try await JSONSchemaSerializer(registry: registry).serialize(topic: "blowup", json: Array(#""text""#.utf8))
            }
            #expect(error?.reason == .tooDeep)
            #expect(error?.expected.contains("subschema evaluations") == true, "\(String(describing: error))")
        }
    }
}
