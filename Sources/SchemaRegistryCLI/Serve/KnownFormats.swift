import RegistryCore

/// The schema formats this build serves; a format joins the registry by being listed here.
enum KnownFormats {
    static var all: [any SchemaFormat] { [AvroFormat(), JSONFormat()] }
}
