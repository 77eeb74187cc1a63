import Foundation
import Kafka
import Testing

@Suite("librdkafka version")
struct KafkaVersionTests {
    @Test("The loaded librdkafka is 2.16 when scripts/kafka/env.sh put it first")
    func loadedVersion() {
        let version = Kafka.versionString
        print("librdkafka loaded: \(version) (0x\(String(Kafka.versionNumber, radix: 16)))")
        #expect(version.hasPrefix("2."))
        let libraryPath = ProcessInfo.processInfo.environment["LD_LIBRARY_PATH"] ?? ""
        if libraryPath.contains(".build-kafka-lib") || TestBroker.isRequired {
            // Debian's 2.0.2 cannot talk to the tansu test broker; env.sh must have swapped in the wheel's build.
            #expect(version.hasPrefix("2.16"), "expected librdkafka 2.16 from scripts/kafka/env.sh, got \(version)")
        }
    }
}
