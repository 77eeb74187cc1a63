import Foundation
@testable import SchemasAsCode

/// The mini folder on disk, for tests that compare it with a registry rather than a git revision.
struct WrittenFolder {
    let folder: TemporaryFolder

    init(orderLevel: String = "BACKWARD", order: String = MiniFolder.order) throws {
        folder = try TemporaryFolder()
        try MiniFolder.write(into: folder, orderLevel: orderLevel, order: order)
    }

    var root: String { folder.file("schemas") }
    var source: DiskFileSource { DiskFileSource(root: root) }
    var examples: ExampleSource { ExampleSource(root: root) }
    var orderFile: String { root + "/orders/Order.avsc" }

    func writeOrder(_ text: String) throws {
        try folder.write("schemas/orders/Order.avsc", text)
    }

    func writeManifest(_ text: String) throws {
        try folder.write("schemas/registry.yaml", text)
    }

    func remove() {
        folder.remove()
    }
}
