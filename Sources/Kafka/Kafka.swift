import CRdKafka

/// Facts about the librdkafka that was loaded at run time, which may be newer than the headers we compiled
/// against (see scripts/kafka/env.sh).
public enum Kafka {
    /// librdkafka's own version string, e.g. "2.16.0".
    public static var versionString: String {
        String(cString: rd_kafka_version_str())
    }

    /// librdkafka's version as 0xMMmmrrxx (major, minor, revision, pre-release id).
    public static var versionNumber: Int {
        Int(rd_kafka_version())
    }
}
