/// Confluent's subject-name rule: not empty, no control characters (they break logs, URLs and Kafka tooling).
enum SubjectName {
    static func validate(_ subject: String) throws(RegistryError) {
        guard !subject.isEmpty, !subject.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .invalidSubject(subject)
        }
    }
}
