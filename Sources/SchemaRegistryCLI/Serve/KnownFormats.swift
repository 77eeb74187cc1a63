import RegistryCore

/// The schema formats this build serves.
enum KnownFormats {
    static var all: [any SchemaFormat] { [] }
}
