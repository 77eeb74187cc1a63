import Avro
import RegistryCore
import Serde
import Testing

/// Schema selection and framing against the real in-process registry over SQLite.
@Suite struct SerializerTests {
    private func codec(_ text: String) throws -> AvroCodec {
        try AvroCodec(AvroSchemaParser.parse(text))
    }

    @Test func autoRegisterOffRefusesAnUnregisteredSchema() async throws {
        try await TestRegistry.inProcess { (registry: Registry) async throws in
            let serializer = AvroSerializer(registry: registry, configuration: SerializerConfiguration(schema: TestSchemas.order))
            let error = await #expect(throws: SerdeError.self) {
                try await serializer.serialize(topic: "orders", json: Array(TestSchemas.orderJSON(1).utf8))
            }
            guard case .registry(let cause, _)? = error else {
                Issue.record("expected a registry error, got \(String(describing: error))")
                return
            }
            #expect(cause == .subjectNotFound("orders-value"))
            #expect(try await registry.subjects(prefix: nil, includeDeleted: false, deletedOnly: false).isEmpty)
        }
    }

    @Test func autoRegisterWritesTheRegisteredIDAndTheAvroPayload() async throws {
        try await TestRegistry.inProcess { (registry: Registry) async throws in
            let serializer = AvroSerializer(registry: registry, configuration: SerializerConfiguration(schema: TestSchemas.order, autoRegister: true))
            let json = TestSchemas.orderJSON(5)
            let bytes = try await serializer.serialize(topic: "orders", json: Array(json.utf8))
            let registered = try await registry.version(subject: "orders-value", .latest, includeDeleted: false)
            #expect(registered.version == 1)
            let payload = try codec(TestSchemas.order).encode(json: json)
            #expect(bytes == ConfluentFraming.frame(schemaID: Int32(registered.id), payload: payload))
        }
    }

    @Test func lookupFindsAnAlreadyRegisteredSchema() async throws {
        try await TestRegistry.inProcess { (registry: Registry) async throws in
            // Two unrelated versions under one subject: only allowed without compatibility checks.
            try await registry.setCompatibilityLevel(.none, subject: "orders-value")
            _ = try await registry.register(subject: "orders-value", SchemaSubmission(schema: TestSchemas.key), normalize: false)
            let registered = try await registry.register(subject: "orders-value", SchemaSubmission(schema: TestSchemas.order), normalize: false)
            let serializer = AvroSerializer(registry: registry, configuration: SerializerConfiguration(schema: TestSchemas.order))
            let target = try await serializer.target(topic: "orders")
            #expect(target.schemaID == registered.id)
            #expect(target.version == 2)
            #expect(target.subject == "orders-value")
        }
    }

    @Test func withoutALocalSchemaTheLatestVersionIsUsed() async throws {
        try await TestRegistry.inProcess { (registry: Registry) async throws in
            let v1 = try await registry.register(subject: "orders-value", SchemaSubmission(schema: TestSchemas.order), normalize: false)
            let v2 = try await registry.register(subject: "orders-value", SchemaSubmission(schema: TestSchemas.orderV2), normalize: false)
            let latest = try await AvroSerializer(registry: registry).target(topic: "orders")
            #expect(latest.schemaID == v2.id && latest.version == 2)

            let useLatest = AvroSerializer(registry: registry, configuration: SerializerConfiguration(schema: TestSchemas.order, useLatestVersion: true))
            #expect(try await useLatest.target(topic: "orders").schemaID == v2.id)

            let pinnedVersion = AvroSerializer(registry: registry, configuration: SerializerConfiguration(schemaVersion: 1))
            #expect(try await pinnedVersion.target(topic: "orders").schemaID == v1.id)

            let pinnedID = AvroSerializer(registry: registry, configuration: SerializerConfiguration(schemaID: v1.id))
            let target = try await pinnedID.target(topic: "orders")
            #expect(target.schemaID == v1.id)
            #expect(target.subject == "orders-value")
            #expect(target.version == 1)
        }
    }

    @Test func recordStrategiesUseTheRecordName() async throws {
        try await TestRegistry.inProcess { (registry: Registry) async throws in
            let record = AvroSerializer(registry: registry, configuration: SerializerConfiguration(
                subjectNameStrategy: .recordName, schema: TestSchemas.order, autoRegister: true))
            #expect(try await record.target(topic: "orders").subject == "shop.v1.Order")
            let topicRecord = AvroSerializer(registry: registry, configuration: SerializerConfiguration(
                subjectNameStrategy: .topicRecordName, schema: TestSchemas.key, autoRegister: true), isKey: true)
            #expect(try await topicRecord.target(topic: "orders").subject == "orders-shop.v1.OrderKey")
            #expect(try await registry.subjects(prefix: nil, includeDeleted: false, deletedOnly: false) == ["orders-shop.v1.OrderKey", "shop.v1.Order"])
            // Without a schema the record name is unknown.
            let nameless = AvroSerializer(registry: registry, configuration: SerializerConfiguration(subjectNameStrategy: .recordName))
            await #expect(throws: SerdeError.self) { try await nameless.target(topic: "orders") }
        }
    }

    @Test func invalidDataNamesTheFieldTheSchemaAndWhatWasExpected() async throws {
        try await TestRegistry.inProcess { (registry: Registry) async throws in
            let registered = try await registry.register(subject: "orders-value", SchemaSubmission(schema: TestSchemas.order), normalize: false)
            let serializer = AvroSerializer(registry: registry)
            let bad = #"{"id":1,"customer":"c","status":"NEW","lines":[{"sku":"a","quantity":"two","price":1.0}],"tags":{},"coupon":null}"#
            let error = await #expect(throws: ValidationError.self) {
                try await serializer.serialize(topic: "orders", json: Array(bad.utf8))
            }
            #expect(error?.path == "/lines/0/quantity")
            #expect(error?.expected == "int")
            #expect(error?.subject == "orders-value")
            #expect(error?.schemaID == registered.id)
            #expect(error?.schemaVersion == 1)
            #expect(error?.topic == "orders")
            #expect(error?.isKey == false)

            let value: AvroValue = ["id": 1, "customer": "c", "status": "LOST", "lines": [], "tags": [:], "coupon": nil]
            let symbolError = await #expect(throws: ValidationError.self) {
                try await serializer.serialize(topic: "orders", value)
            }
            #expect(symbolError?.path == "/status")
            #expect(symbolError?.reason == .unknownSymbol)
        }
    }

    @Test func deserializerReadsAsWrittenOrResolvesToAReaderSchema() async throws {
        try await TestRegistry.inProcess { (registry: Registry) async throws in
            let serializer = AvroSerializer(registry: registry, configuration: SerializerConfiguration(schema: TestSchemas.order, autoRegister: true))
            let json = TestSchemas.orderJSON(4)
            let bytes = try await serializer.serialize(topic: "orders", json: Array(json.utf8))

            let plain = try AvroDeserializer(registry: registry)
            let asWritten = try await plain.deserialize(bytes)
            #expect(asWritten == (try codec(TestSchemas.order).decode(codec(TestSchemas.order).encode(json: json))))
            #expect(try await plain.deserializeJSON(bytes) == (try codec(TestSchemas.order).decodeJSONString(codec(TestSchemas.order).encode(json: json))))

            let upgraded = try AvroDeserializer(registry: registry, readerSchema: TestSchemas.orderV2)
            guard case .record(let fields) = try await upgraded.deserialize(bytes) else {
                Issue.record("expected a record")
                return
            }
            #expect(fields.count == 7)
            #expect(fields.last == .string("web"))
            #expect(fields.first == .long(4))
        }
    }

    @Test func deserializerErrorsAreTyped() async throws {
        try await TestRegistry.inProcess { (registry: Registry) async throws in
            let deserializer = try AvroDeserializer(registry: registry)
            let missing = await #expect(throws: SerdeError.self) {
                try await deserializer.deserialize(ConfluentFraming.frame(schemaID: 99, payload: [0]))
            }
            #expect(missing == .registry(.schemaNotFound(id: 99), context: "fetching schema id 99"))
            await #expect(throws: SerdeError.self) { try await deserializer.deserialize([0x7B, 0x7D]) }

            let registered = try await registry.register(subject: "orders-value", SchemaSubmission(schema: TestSchemas.order), normalize: false)
            let truncated = await #expect(throws: SerdeError.self) {
                try await deserializer.deserialize(ConfluentFraming.frame(schemaID: Int32(registered.id), payload: [0x02]))
            }
            guard case .undecodable(let id, _)? = truncated else {
                Issue.record("expected undecodable, got \(String(describing: truncated))")
                return
            }
            #expect(id == registered.id)
        }
    }
}
