@_exported import KafkaTestSupport

/// The shared tansu launcher (Tests/KafkaTestSupport) under this target's name.
typealias TestBroker = TansuBroker
