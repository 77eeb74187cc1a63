import Foundation
import Hummingbird
import Logging
import NIOCore
import RegistryCore

/// A front end over the real `Registry` that answers in Confluent 7.x's shapes where they differ from 8.x:
/// register answers `{"id": N}` only, and Avro schemas come without `schemaType`. It also echoes the
/// `Authorization` header it received as the schema text of the pseudo id 0,
/// so tests can check what the client sent.
enum Confluent7Front {
    static func run(registry: Registry, _ body: @Sendable (_ url: String) async throws -> Void) async throws {
        let router = Router()
        router.post("/subjects/:subject/versions") { request, context -> Response in
            let subject = try context.parameters.require("subject")
            let json = try await request.body.collect(upTo: 1 << 20)
            let schema = try Self.schemaText(json)
            let registered = try await registry.register(subject: subject, SchemaSubmission(schema: schema), normalize: false)
            return Self.json("{\"id\":\(registered.id)}")
        }
        router.post("/subjects/:subject") { request, context -> Response in
            let subject = try context.parameters.require("subject")
            let json = try await request.body.collect(upTo: 1 << 20)
            let found = try await registry.lookup(subject: subject, SchemaSubmission(schema: try Self.schemaText(json)), normalize: false, includeDeleted: false)
            return Self.json(Self.object([
                ("subject", found.subject), ("version", found.version), ("id", found.id), ("schema", found.schema.schema),
            ]))
        }
        router.get("/schemas/ids/:id") { request, context -> Response in
            let id = try context.parameters.require("id", as: Int.self)
            if id == 0 {
                // The credentials the client sent, handed back as the "schema" so the test can read them.
                let seen = request.headers[.authorization] ?? "(none)"
                return Self.json(Self.object([("schema", seen)]))
            }
            let stored = try await registry.schema(id: id)
            return Self.json(Self.object([("schema", stored.schema)]))
        }
        var logger = Logger(label: "confluent7-front")
        logger.logLevel = .warning
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let application = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw LiveRegistryError(description: "7.x front did not start") }
            do {
                try await body("http://127.0.0.1:\(port)")
            } catch {
                group.cancelAll()
                throw error
            }
            group.cancelAll()
        }
    }

    private static func schemaText(_ buffer: ByteBuffer) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))
        guard let dictionary = object as? [String: Any], let schema = dictionary["schema"] as? String else {
            throw LiveRegistryError(description: "request without a schema")
        }
        return schema
    }

    private static func object(_ members: [(String, Any)]) -> String {
        var dictionary: [String: Any] = [:]
        for (key, value) in members { dictionary[key] = value }
        let data = (try? JSONSerialization.data(withJSONObject: dictionary)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private static func json(_ text: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "application/vnd.schemaregistry.v1+json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text))
        )
    }
}
