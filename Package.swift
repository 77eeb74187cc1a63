// swift-tools-version: 6.1
import PackageDescription

// Layers point one way: format engines (pure) <- registry core <- adapters (store, HTTP) <- CLI.
let package = Package(
    name: "SchemaRegistry",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "schema-registry", targets: ["SchemaRegistryCLI"]),
        .library(name: "Avro", targets: ["Avro"]),
        .library(name: "RegistryCore", targets: ["RegistryCore"]),
        .executable(name: "avro-bench", targets: ["AvroBench"]),
        .executable(name: "jsonschema-bench", targets: ["JSONSchemaBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    ],
    targets: [
        // Format engines: pure, no I/O.
        .target(name: "JSONValue"),
        .target(name: "Avro", dependencies: ["JSONValue"]),
        .target(name: "JSONSchema", dependencies: ["JSONValue"]),

        // Registry rules; storage behind a protocol.
        .target(name: "RegistryCore", dependencies: [
            "JSONValue", "Avro", "JSONSchema",
            .product(name: "Logging", package: "swift-log"),
        ]),

        // Adapters.
        .target(name: "RegistrySQLite", dependencies: [
            "RegistryCore",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], plugins: ["EmbedMigrations"]),
        // Build-time embedding of migrations/*.sql into RegistrySQLite.
        .executableTarget(name: "MigrationEmbedder", path: "Sources/MigrationEmbedder"),
        .plugin(name: "EmbedMigrations", capability: .buildTool(), dependencies: ["MigrationEmbedder"],
                path: "Sources/Plugins/EmbedMigrations"),
        .target(name: "RegistryHTTP", dependencies: [
            "RegistryCore", "JSONValue",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
        ]),

        // Thin CLI.
        .executableTarget(name: "SchemaRegistryCLI", dependencies: [
            "RegistryCore", "RegistrySQLite", "RegistryHTTP", "RegistryClient", "Serde", "Kafka", "SchemasAsCode",
            "Avro", "JSONValue",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // Schemas as code: a folder of schemas + manifest checked, planned, applied and exported.
        .target(name: "SchemasAsCode", dependencies: [
            "RegistryCore", "Avro", "JSONValue", "JSONSchema",
            .product(name: "Yams", package: "Yams"),
        ]),

        .executableTarget(name: "AvroBench", dependencies: ["Avro", "JSONValue"]),
        .executableTarget(name: "JSONSchemaBench", dependencies: ["JSONSchema", "JSONValue"]),

        // Kafka adapter: librdkafka (Debian's librdkafka-dev headers) behind a small Swift API.
        .systemLibrary(name: "CRdKafka", path: "Sources/CRdKafka", pkgConfig: "rdkafka",
                       providers: [.apt(["librdkafka-dev"])]),
        .target(name: "Kafka", dependencies: ["CRdKafka"]),

        // Remote registry client (Confluent REST over async-http-client) and a caching layer over any registry.
        .target(name: "RegistryClient", dependencies: [
            "RegistryCore", "JSONValue",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        // Confluent wire-format serde and the validating producer.
        .target(name: "Serde", dependencies: [
            "RegistryCore", "Avro", "JSONValue", "Kafka",
            .product(name: "Metrics", package: "swift-metrics"),
        ]),

        .testTarget(name: "JSONValueTests", dependencies: ["JSONValue"]),
        .testTarget(name: "AvroTests", dependencies: ["Avro", "JSONValue"]),
        .testTarget(name: "JSONSchemaTests", dependencies: ["JSONSchema", "JSONValue"]),
        .testTarget(name: "RegistryCoreTests", dependencies: ["RegistryCore", "RegistrySQLite", "Avro"]),
        .testTarget(name: "RegistrySQLiteTests", dependencies: ["RegistrySQLite", "RegistryCore"]),
        // The tansu test broker every Kafka-facing test target starts (not a test target itself).
        .target(name: "KafkaTestSupport", dependencies: ["Kafka"], path: "Tests/KafkaTestSupport"),
        .testTarget(name: "KafkaTests", dependencies: ["Kafka", "KafkaTestSupport"]),
        .testTarget(name: "SchemasAsCodeTests", dependencies: [
            "SchemasAsCode", "RegistryCore", "RegistrySQLite", "RegistryHTTP", "RegistryClient", "Avro",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Real registry server on 127.0.0.1 over a temp SQLite file; real tansu broker; Python confluent-kafka.
        .testTarget(name: "RegistryClientTests", dependencies: [
            "RegistryClient", "RegistryCore", "RegistryHTTP", "RegistrySQLite",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "SerdeTests", dependencies: [
            "Serde", "RegistryClient", "RegistryCore", "RegistryHTTP", "RegistrySQLite", "Avro", "JSONValue", "Kafka",
            "KafkaTestSupport",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "MetricsTestKit", package: "swift-metrics"),
        ]),
        // The `schema-registry` executable run as a child process: CI commands, produce/consume.
        .testTarget(name: "CLITests", dependencies: [
            "RegistryHTTP", "RegistryCore", "RegistrySQLite", "Kafka", "JSONValue", "KafkaTestSupport",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Live-server tests: real HTTP on 127.0.0.1, real SQLite files, the built `schema-registry` binary.
        .testTarget(name: "RegistryHTTPTests", dependencies: [
            "RegistryHTTP", "RegistryCore", "RegistrySQLite", "JSONValue",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
