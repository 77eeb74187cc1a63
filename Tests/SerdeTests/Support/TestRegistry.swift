import Foundation
import Hummingbird
import Logging
import RegistryClient
import RegistryCore
import RegistryHTTP
import RegistrySQLite

struct TestSetupError: Error, CustomStringConvertible {
    var description: String
}

/// A fresh registry over a SQLite file in a temp folder, in-process (for serializer logic) or served over
/// HTTP on 127.0.0.1 (for the producer's end-to-end tests, through the real HTTP client).
enum TestRegistry {
    static func inProcess(_ body: @Sendable (Registry) async throws -> Void) async throws {
        let folder = NSTemporaryDirectory() + "serde-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let registry = try Registry(store: try SQLiteSchemaStore(path: folder + "/registry.sqlite"), formats: [AvroFormat(), JSONFormat()])
        try await body(registry)
    }

    /// `served` with a fresh tansu broker beside it, stopped when `body` returns: how every end-to-end producer
    /// test starts.
    static func servedWithBroker(
        _ body: @Sendable (_ broker: TestBroker, _ url: String, _ registry: Registry, _ client: CachingRegistryClient) async throws -> Void
    ) async throws {
        let broker = try await TestBroker.start()
        defer { broker.stop() }
        try await served { url, registry, client in try await body(broker, url, registry, client) }
    }

    /// Serves a fresh registry; `body` gets its URL, the registry itself, and a caching HTTP client for the URL.
    static func served(_ body: @Sendable (_ url: String, _ registry: Registry, _ client: CachingRegistryClient) async throws -> Void) async throws {
        try await inProcess { registry in
            let (ports, continuation) = AsyncStream<Int>.makeStream()
            var logger = Logger(label: "serde-tests")
            logger.logLevel = .warning
            let application = RegistryHTTPServer.makeApplication(
                service: registry,
                configuration: RegistryHTTPConfiguration(host: "127.0.0.1", port: 0),
                logger: logger,
                onListening: { _, port in
                    continuation.yield(port)
                    continuation.finish()
                }
            )
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await application.run() }
                var iterator = ports.makeAsyncIterator()
                guard let port = await iterator.next() else { throw TestSetupError(description: "registry server did not start") }
                let url = "http://127.0.0.1:\(port)"
                let http = HTTPRegistryClient(configuration: RegistryClientConfiguration(url: url))
                do {
                    try await body(url, registry, CachingRegistryClient(wrapping: http))
                } catch {
                    try? await http.shutdown()
                    group.cancelAll()
                    throw error
                }
                try await http.shutdown()
                group.cancelAll()
            }
        }
    }
}

/// Schemas shared by the tests: an order with a nested record, an enum, an array, a map and unions.
enum TestSchemas {
    static let order = """
    {"type":"record","name":"Order","namespace":"shop.v1","fields":[
      {"name":"id","type":"long"},
      {"name":"customer","type":"string"},
      {"name":"status","type":{"type":"enum","name":"Status","symbols":["NEW","PAID","SHIPPED"]}},
      {"name":"lines","type":{"type":"array","items":{"type":"record","name":"Line","fields":[
        {"name":"sku","type":"string"},{"name":"quantity","type":"int"},{"name":"price","type":"double"}]}}},
      {"name":"tags","type":{"type":"map","values":"string"}},
      {"name":"coupon","type":["null","string"],"default":null}
    ]}
    """

    /// `order` plus a field with a default: a reader of v2 can read v1 data.
    static let orderV2 = """
    {"type":"record","name":"Order","namespace":"shop.v1","fields":[
      {"name":"id","type":"long"},
      {"name":"customer","type":"string"},
      {"name":"status","type":{"type":"enum","name":"Status","symbols":["NEW","PAID","SHIPPED"]}},
      {"name":"lines","type":{"type":"array","items":{"type":"record","name":"Line","fields":[
        {"name":"sku","type":"string"},{"name":"quantity","type":"int"},{"name":"price","type":"double"}]}}},
      {"name":"tags","type":{"type":"map","values":"string"}},
      {"name":"coupon","type":["null","string"],"default":null},
      {"name":"channel","type":"string","default":"web"}
    ]}
    """

    static let key = #"{"type":"record","name":"OrderKey","namespace":"shop.v1","fields":[{"name":"id","type":"long"}]}"#

    /// The JSON text of order `n` (varied so that unions, maps and arrays take different shapes).
    static func orderJSON(_ n: Int) -> String {
        let coupon = n % 3 == 0 ? "null" : "\"SAVE\(n)\""
        let status = ["NEW", "PAID", "SHIPPED"][n % 3]
        let lines = (0..<(n % 4)).map { #"{"sku":"sku-\#($0)","quantity":\#($0 + 1),"price":\#(Double($0) + 0.5)}"# }.joined(separator: ",")
        return #"{"id":\#(n),"customer":"customer \#(n) ✓","status":"\#(status)","lines":[\#(lines)],"tags":{"n":"\#(n)"},"coupon":\#(coupon)}"#
    }
}
